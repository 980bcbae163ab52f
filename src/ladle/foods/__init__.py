"""Food composition: USDA's tables read, ingredients matched to foods, a nutrition panel.

``table`` holds the types (a food, its nutrients per 100 g, its household measures, the table
protocol); ``usda`` reads USDA's releases; ``matching`` finds the food an ingredient is;
``weights`` turns an amount into grams; ``panel`` adds it all up per serving.
"""
