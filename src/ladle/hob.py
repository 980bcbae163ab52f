"""Cooking on the hob, said in words: a pan put on the heat, the verbs that cook there, a pan
or a sauce heated, and the food taken off the heat again (ladle/equipment.py reads them)."""

from __future__ import annotations

import re

__all__ = [
    "HEATS_A_PAN",
    "HEATS_A_SAUCE",
    "OFF_THE_HEAT",
    "ON_THE_HEAT",
    "PASTA",
    "STOVETOP",
    "before_off",
]

# A pan put on the heat, said in any language: "over medium heat", "em fogo alto", "à feu
# doux", "a fuego lento", "a fuoco basso", "op hoog vuur", "bei mittlerer Hitze", "na małym
# ogniu", "på medelvärme". The stove even when another heat is named.
ON_THE_HEAT = re.compile(
    r"\bover\s+(?:a\s+)?(?:very\s+)?(?:low|medium|high|moderate|gentle)(?:[-\s]+(?:low|high))?"
    r"\s+heat\b|"
    # a flame, as Indian and British recipes say: "cook over a low flame", "on high flame"
    r"\b(?:over|on)\s+(?:a\s+)?(?:very\s+)?(?:low|medium|high|moderate|gentle|slow|sim)"
    r"(?:[-\s]+(?:low|high))?\s+flame\b|"
    r"\b(?:em|no)\s+fogo\b|\bfogo\s+(?:alto|m[ée]dio|baixo|brando)\b|\blev[ea]r?\s+ao\s+fogo\b|"
    r"\b(?:a|al)\s+fuego\b|\bfuego\s+(?:lento|medio|alto|bajo|fuerte|suave)\b|"
    r"(?:\bà|\ba|\bsur)\s+(?:le\s+)?feu\b|\bfeu\s+(?:doux|moyen|vif)\b|"
    r"\b(?:a|al|sul)\s+fuoco\b|\bfuoco\s+(?:basso|medio|alto|vivace|dolce|lento)\b|"
    r"\bop\s+(?:een\s+)?(?:\w+\s+)?(?:hoog|middelhoog|laag|zacht|matig|middel|klein)e?\s+vuur\b|"
    r"(?<!van\s)\bhet\s+vuur\b(?!\s+(?:uit|af)\b)|"
    r"\bbei\s+(?:\w+\s+)?(?:schwacher|mittlerer|starker|hoher|niedriger|kleiner|gro(?:ß|ss)er|"
    r"geringer|milder)\s+(?:hitze|flamme|stufe)\b|"
    r"\bna\s+(?:ma[łl]ym|[śs]rednim|du[żz]ym|wolnym|mocnym)\s+ogniu\b|"
    r"\bp[åa]\s+(?:medel|h[öo]g|l[åa]g|svag|mellan)\s*(?:h[öo]g\s+)?v[äa]rme\b|\bmedelv[äa]rme\b|"
    r"\bp[åa]\s+(?:middels|medium|h[øo]y|lav|sterk|svak|middel)\s+(?:temperatur|varme)\b|"
    r"\b(?:kısık|orta|yüksek|hafif|harlı)\s+ate[şs]te\b|\btil\s+(?:medium|middels|h[øo]y)"
    r"(?:/(?:h[øo]y|medium))?\s+varme\b",
    re.I,
)

#: Pasta and noodles by name, as a step cooks them: in boiling water on the hob
PASTA = (
    r"pasta|noodles?|spaghetti|linguine|penne|macaroni|fettuccine|tagliatelle|rigatoni|fusilli|"
    r"orzo|gnocchi|tortellini|ravioli|ramen|udon|soba"
)

# Cooking on the hob, said by the verb alone ("simmer for 20 minutes", "bring to a boil"):
# the stove, unless the step names another heat (a slow cooker simmers too).
STOVETOP = re.compile(
    r"\b(?:simmer\w*|(?:bring|return)\w*\b[^.;]{0,40}?\bto\s+(?:a|the)\s+(?:\w+\s+)?boil|"
    r"boil(?:s|ed)?\b(?!\s+water)|boiling\b(?!\s+water)|saut[eé](?!(?:e?d|es|e|s)\b)\w*|"
    # cooks' verbs of the pan: parboil, wilt in a pan, caramelize onions, render bacon, sweat
    # the vegetables, stew gently, scramble eggs
    # (the verb, not "the caramelized onions" or "scrambled eggs" made before)
    r"parboil\w*|carameli[sz](?:e|es|ing)\s+(?:the\s+)?(?:\w+\s+)?onions?\b|"
    r"render(?:s|ing)?\s+(?:the\s+|out\s+the\s+)?(?:\w+\s+)?(?:bacon|pancetta|guanciale|chorizo|"
    r"lardons)\b|sweat(?:s|ing)?\s+(?:the\s+)?(?:\w+\s+){0,2}?(?:onions?|shallots?|leeks?|"
    r"vegetables|veg|garlic|celery|carrots?|aromatics|mirepoix)\b|"
    r"stew(?:s|ed)?\s+(?:gently|for\s+\d|until)\b|scrambl(?:e|ing)\s+(?:the\s+)?eggs\b|"
    r"pan[-\s]?(?:fr(?:y|ied|ies|ying)|grill\w*|sear\w*)\b|"
    r"stir[-\s]?fr\w*|sear(?:s|ed|ing)?\b|"
    # deep-frying done, not spoken of ("form balls to deep fry", "ready to deep fry")
    r"(?<!\bto\s)(?<!\byou\s)\bdeep[-\s]?fr(?:y|ies|ied|ying)\b(?!\s+(?:thermometer|soon))|"
    r"(?<!air\s)(?<!air-)(?<!deep\s)(?<!deep-)"
    r"(?<!\bthe\s)(?<!\beach\s)(?<!\ba\s)(?<!\bof\s)\bfry(?:ing)?\b(?!\s*(?:pan|skimmer|basket|thermometer))|"
    r"reduce\s+the\s+heat|on\s+the\s+(?:stove|hob)|blanch\w*|adjust\w*\s+the\s+heat|"
    r"(?:turn|switch)(?:s|ed|ing)?\s+off\s+the\s+(?:heat|stove|burner|hob)|"
    r"scrap\w*\s+(?:up\s+)?(?:any\s+|all\s+|the\s+)?browned\s+bits|"
    r"poach\w*|(?:low|medium|high)[-\s]+heat(?![-\s]?(?:proof|safe|resistant))|"
    r"\bon\s+(?:med(?:ium)?|low|high)(?:[-\s](?:low|high))?\b"
    r"(?!(?:[-\s]+(?:low|high))?\s+(?:speed|pressure|power|setting))|"
    # the heat turned up or down, kept on, oil heated, a pan deglazed, pasta boiled
    # (not an oven's heat turned to a number: "turn the heat down to 180°C fan")
    r"turn\w*\s+(?:(?:the\s+)?heat\s+)?(?:down|up)\b(?!\s+to\s+\d)|lower\s+the\s+heat|reduce\s+heat|"
    r"(?:on|over)\s+the\s+heat|deglaz\w*|hot\s+oil\b|oil\s+is\s+(?:\w+\s+)?(?:hot|shimmering)|"
    r"heat\s+(?:\w+\s+){0,4}?oil\b|"
    # oil heated in other languages: "verhit de olie", "l'huile chauffée", "Öl erhitzen"
    r"\b(?:verhit\w*|verwarm\w*|erhitz\w*|chauff\w*|calient\w*|calent\w*|scald\w*|aque[cç]\w*|"
    r"hetta|v[äa]rm\w*)\s+(?:[\w']+\s+){0,3}?(?:l')?(?:olie|öl|huile|aceite|olio|azeite|óleo|olja)\b|"
    r"\b(?:öl|olie|fett)\s+(?:\w+\s+){0,2}?(?:erhitzen|verhitten)\b|"
    # food dropped into the boiling water, the water come to the boil (not boiling water poured)
    r"(?<!pour\s)(?<!pour\sin\s)\binto\s+the\s+boiling\s+(?:salted\s+)?water\b|"
    r"\b(?:when|once)\s+(?:the\s+)?water\s+(?:is\s+(?:at\s+a\s+)?)?(?:boiling|boils|comes\s+to\s+a\s+boil)\b|"
    rf"\b(?:cook|boil)(?:s|ing)?\s+(?:the\s+)?(?:\w+\s+)?(?:{PASTA})\b|"
    # pasta, rice or grains cooked by the packet ("prepare the noodles according to package
    # directions", "cook quinoa according to the box"): boiled on the hob
    rf"\b(?:cook|prepare|boil)(?:s|ing)?\s+(?:the\s+|your\s+)?(?:[\w-]+\s+){{0,3}}?"
    rf"(?:{PASTA}|rice|quinoa|grains|farro|barley|lentils)\b[^.;]{{0,40}}?\b(?:according\s+to|"
    r"as\s+directed\s+on|per)\s+(?:[\w']+\s+){0,4}?(?:package|packet|box|bag)\w*|"
    # the same in other languages: bring to the boil, simmer, fry gently, deglaze, braise
    r"aan\s+de\s+kook|laten\s+koken|zachtjes\s+koken|fruit\w*\s+(?:\w+\s+){0,4}aan|"
    r"blus\w*\s+(?:\w+\s+){0,4}?af\b|afblussen|stoven|sudder\w*|pruttel\w*|inkoken|"
    r"köcheln|aufkochen|anbraten|anschwitzen|(?:an|mit)?dünsten|zum\s+kochen|ablösch\w*|"
    # deep-fried in German, fried brown in Dutch ("aanbakken", "bak het vlees aan")
    r"frittier\w*|aanbak\w*|\bbak\s+(?:\w+\s+){1,4}?aan\b|roerbak\w*|\b(?:mee)?fruiten\b|"
    # toasted or fried in fat, or in a dry pan, in German ("in Butter goldbraun rösten")
    r"\b(?:in|im)\s+(?:[\w-]+\s+){0,2}?(?:butter|öl|fett|butterschmalz|schmalz|[\w-]+-mischung)\s+"
    r"(?:\w+\s+){0,3}?(?:an)?(?:r[öo]st\w*|ausback\w*)|\bohne\s+fett\s+(?:\w+\s+){0,2}?(?:an)?r[öo]st\w*|"
    r"\bbrat(?:e|en|et)?\b|\bbrät\b|"
    r"fai(?:re|tes)(?:[-\s]+(?:le|la|les|l'))?\s+(?:revenir|bouillir|sauter|suer|rissoler|blondir|frire)|"
    r"[ée]bullici[óo]n|ébullition|mijot\w*|déglac\w*|"
    # the heat turned, a sauce left to reduce, a simmer, in Romance and other languages: "sur
    # tout petit feu", "baissez le feu", "laissez réduire", "frémissement", "faites-y fondre",
    # "baja el fuego", "abbassate la fiamma", "abaixe o fogo", "skru ned for varmen", "duś"
    r"\b(?:à|sur)\s+(?:un\s+)?(?:tout\s+|très\s+)?(?:petit|moyen|grand|doux|vif)\s+feu\b|"
    r"\b(?:baiss|réduis|augment|mont)\w*\s+(?:le\s+)?feu\b|\blaiss\w*\s+(?:\w+\s+)?réduire\b|"
    r"\bfrémi(?:r|ssement|ssante?)\b|\bfaites[-\s]y\s+(?:fondre|dorer|revenir|cuire|chauffer|griller)\b|"
    r"\b(?:baj|sub|reduc|baix|abaix|diminu|aument|reduz|abbass|alz|riduc)\w*\s+(?:el\s+|o\s+|la\s+|"
    r"il\s+)?(?:fuego|fogo|fiamma|fuoco)\b|\bdej[ae]\w*\s+(?:\w+\s+)?reducir\b|"
    r"\bdeix\w*\s+(?:\w+\s+)?reduzir\b|\blasci\w*\s+(?:\w+\s+)?(?:restringere|ridurre|addensare)\b|"
    r"\bskru\s+(?:ned|op)\s+for\s+varmen\b|\bsmå(?:kog|kok)\w*|\bzmniejsz\w*\s+ogie[ńn]\b|"
    r"\bdu(?:ś|sić|ście)(?!\w)|\b(?:hitze|temperatur)\s+(?:\w+\s+)?(?:reduzieren|verringern|"
    r"zurückschalten|herunterschalten)\b|"
    # a hot pan: "dans une poêle chaude", "in einer heißen Pfanne"
    r"\b(?:po[êe]le|cr[êe]pi[èe]re)\s+(?:bien\s+)?chaude|"
    r"\bhei(?:ß|ss)e[nm]?\s+pfanne|\bsart[ée]n\s+caliente|\bpadella\s+calda|\bhete\s+(?:koeken)?pan|"
    r"\bfrigideira\s+quente|"
    r"hervir|sofre[íi]r|fre[íi]r|rehogar|desglas\w*|soffrigg\w*|rosol\w*|sfum\w*|bollire|"
    r"ebollizione|ferver|fervura|refog\w*|dourar|frit(?:ar|e|a)\b|koka\s+upp|fräs\w*|sjud\w*|"
    r"\bstek(?:a|t)?\b|sma[żz]\w*|podsma[żz]\w*|zagotuj\w*|gotuj\w*|"
    # Danish "steg løget" (fry the onion: the verb before a noun with its article, not "stegen"),
    # Dutch "fruit de ui in de boter"
    r"\bsteg\s+(?:\w+(?:et|en|erne)|det|den|dem)\b|\bfruit\s+(?:de|het)\s+(?:\w+\s+){1,4}?(?:in|aan)\b|"
    # pasta cooked, or anything cooked in salted or boiling water, in other languages
    r"\b(?:cuire|cuisez|cuocete|cuoci\w*|cuece|cueza|cocina|cozinh\w*|kook|koch\w*|kok|koka)\s+"
    r"(?:(?:la|le|les|il|i|el|los|o|os|a|as|de|het|die)\s+)?(?:pasta|pâtes|spaghetti|nouilles|fideos|"
    r"macarr[ãa]o|nudeln|tagliatelle|penne|linguine|fettuccine|gnocchi|massa)\b|"
    r"\b(?:cook\w*|boil\w*|cuire|cuisez|cuocete|cuoci\w*|cuoce\w*|cuece\w*|cueza\w*|cocina\w*|"
    r"cozinh\w*|coza\w*|koch\w*|kook\w*|kok\w*|koka\w*)\b[^.;]{0,60}?\b(?:salted\s+water|"
    r"acqua\s+(?:salata|bollente)|eau\s+(?:salée|bouillante)|agua\s+(?:con\s+sal|salada|hirviendo)|"
    r"água\s+(?:com\s+sal|salgada|fervente)|gezouten\s+water|saltat\s+vatten|saltet\s+vand)\b|"
    # Czech and Slovak (boil, fry), Hungarian (cook, boil, fry, braise), German "weichkochen"
    r"\b(?:u|pro|roz)?va[řr](?:te|it|íme|ime|íte)\b|\bsma[žz](?:te|it|íme|ime)\b|"
    # boil in Dutch, German, Danish, Norwegian, Swedish; fry in German, Portuguese; blanch
    # cooked until it changes, no other heat named: "cook the meat until well browned"
    r"\bcook(?:s|ing)?\b[^.;]{0,60}?\buntil\s+(?:\w+\s+){0,3}?(?:browned|golden|soft|softened|"
    r"tender|translucent|wilted|fragrant|crisp\w*|thicken\w*|reduced|carameli[sz]ed)\b|"
    r"\b(?:kook|koche|kok|koke|kokes|koka|kokar|kog|koge|koges|surre|fres|frese|steke|putre)\b|"
    r"\bgaar\s?koken\b|"
    # Turkish: boil, sauté, fry, on the fire; steaming a food for a time
    r"\bhaşla\w*|\bkaynat\w*|\bkayna(?:ma|yan|dı|yınca)\w*|\bsotele\w*|\bkavur\w*|\bkızart\w*|"
    r"\bate[şs]te\b|\bsteam(?:s|ed|ing)?\s+(?:the\s+|all\s+|your\s+)?(?:\w+\s+){0,3}?(?:until|for|\d)|"
    # a sauce left to reduce: "let the sauce continue reducing", "allow the liquid to reduce"
    r"\b(?:let|allow)\w*\s+(?:the\s+)?(?:sauce|liquid|mixture|broth|stock|wine)\s+(?:\w+\s+){0,2}?reduc\w*|"
    r"\banr[öo]st\w*|\bfritura\b|\bsbollent\w*|\blessa(?:re|te|tel[aei])\b|"
    # in boiling water: "in kochendem Salzwasser", "dans l'eau bouillante", "in a pot of boiling"
    r"\b(?:in|im|i|en|em|dans|do|nell[ae]?|no|na)\s+(?:[\w']+\s+){0,2}?(?:kochend\w*|"
    r"kokend\w*|siedend\w*|vriac\w*|bollent\w*|hirviend\w*|bouillant\w*|fervent\w*|kokande|"
    r"kogende|salzwasser)\b|"
    r"\b(?:cook|boil|blanch|drop|plunge|place|put|add|simmer|immerse|submerge)\w*\s+"
    r"(?:[\w,'-]+\s+){0,5}?(?:in|into|to)\s+(?:a\s+(?:large\s+|big\s+|medium\s+)?(?:pot|pan|"
    r"saucepan)\s+of\s+)?(?:the\s+)?(?:salted\s+)?boiling\b|"
    # Russian: fry, boil, braise, boiling, over a medium, low or high flame
    r"\b(?:об|под)жар\w*|\bжар(?:ить|ьте|им|ите)\b|\b(?:от|с|пере)?вар(?:ить|ите|им|ивать)\b|"
    r"\bтуш(?:ить|ите|им)\b|\bкипени\w*|\bзакип\w*|"
    r"\bна\s+(?:среднем|слабом|сильном|медленном|маленьком|большом)\s+огне\b|"
    r"\bsvits\w*|\b(?:meg)?f[őo]z\w*|\b(?:fel)?forral\w*|\bt[űu]z(?:r[őo]l|re|[öo]n)\b|\bpir[íi]t\w*|\bp[áa]rol\w*|\b\w*koch(?:en|t)\b|"
    # simmer in Danish, Norwegian and Swedish; boil in Portuguese; on a low flame in Italian
    r"\bsimr(?:e|er|et|es|ing)\b|\bputtr(?:a|ar|at|ande)\b|\bcoz(?:a|am|er|e)\b|"
    r"\ba\s+(?:fuoco|fiamma)\s+(?:dolce|bass[oa]|medi[oa]|alt[oa]|vivace|lento|moderat[oa])\b|"
    r"\bsul\s+fuoco\b|"
    # Greek: sauté, fry, boil, simmer, on a low, medium or high fire
    r"\bσοτάρ\w*|\bτηγανίζ\w*|\b(?:σιγο)?βράζ\w*|\b(?:σιγο)?βράσ\w*|\bπάρει\s+βράση\b|"
    r"\bσε\s+(?:χαμηλή|μέτρια|δυνατή|μέτρια\s+προς\s+δυνατή)\s+(?:φωτιά|θερμοκρασία)\b)|"
    # Japanese, with no word boundaries: low, medium and high heat, on the heat, boiling,
    # simmering, stir-frying, boiling in water, deep-frying
    r"弱火|中火|強火|火にかけ|沸騰|煮(?:る|て|ます|込|立|詰)|炒め|茹で|ゆで|揚げ|(?<!予)熱(?:し|する)|温め|"
    # Chinese: low, medium and high heat, the fire lit, boiling, stir-frying, pan-frying,
    # deep-frying, stewing, braising, cooking in water
    r"小火|大火|慢火|文火|猛火|中小火|中大火|开火|開火|煮沸|沸腾|煮滚|煮滾|煮开|煮開|翻炒|炒(?!め)|"
    r"(?<!空气)(?<!氣)炸(?!锅|鍋)|煎(?!锅|鍋)|烧热|燒熱|炖|燉|焖|燜|煮(?!物|熟的)",
    re.I,
)
# Heating verbs of other languages that mean the stove when a pan is named ("bak het spek in
# een pan", "verhit de olie in de pan", "aqueça a frigideira").
HEATS_A_PAN = re.compile(
    r"\b(?:pre-?heat\w*|bak|bakken|verwarm\w*|verhit\w*|erhitz\w*|erw[äa]rm\w*|aufw[äa]rm\w*|calient\w*|"
    r"chauff\w*|calent\w*|cocin\w*|aque[cç]\w*|"
    r"esquent\w*|cozinh\w*|scald\w*|cuoc\w*|cuoci\w*|hetta|v[äa]rm\w*|podgrz\w*|\w*r[öo]st\w*|"
    # English: brown, melt, toast, cook in a pan; Czech and Slovak heat; Danish fry
    r"brown(?:s|ing)?(?!\s+(?:sugar|rice|bread|butter|bits|paper|lentils))|melt(?:s|ing)?|"
    r"toast(?:s|ing)?|carameli[sz](?:e|es|ing)|cook(?:s|ing)?(?!\s+spray)|(?:za|o)hrej\w*|ohrie\w*|(?:roze|za|o)hř\w*|"
    r"steg|smelt|fondre|schmelz\w*|derret\w*|sciogli\w*|derrit\w*|rooster\w*|ısıt\w*|pişir\w*|"
    r"erit\w*|meleg[íi]t\w*|tuest\w*|tost(?:ar|a|e|en|ate|are)\b|smelten|zerlass\w*|wilt\w*|sm[äa]lt\w*|"
    r"until\s+(?:[\w-]+\s+){0,4}?melted)\b",
    re.I,
)
# A sauce, soup or stock heated, in any language: on the stove unless another heat is named.
HEATS_A_SAUCE = re.compile(
    r"\b(?:heat|warm|reheat|verwarm\w*|verhit\w*|erhitz\w*|erw[äa]rm\w*|aufw[äa]rm\w*|"
    r"r[ée]chauff\w*|chauff\w*|calent\w*|aque[cç]\w*|riscald\w*|scald\w*|podgrz\w*|zahrej\w*|"
    r"ohrej\w*|v[äa]rm\w*|opvarm\w*|varm)\b\s+(?:\w+\s+){0,3}?(?:sauce|saus|so(?:ß|ss)e|sauce|"
    r"salsa|molho|sugo|suppe|soup|soupe|sopa|zuppa|soep|broth|bouillon|br[üu]he|stock|fond|"
    r"brodo|caldo|gravy|jus(?!t)|glaze)\w*\b|"
    r"\b\w*(?:sauce|saus|so(?:ß|ss)e|suppe|soep|br[üu]he|bouillon)\w*\s+(?:\w+\s+){0,2}?"
    r"(?:erhitzen|erw[äa]rmen|verwarmen|verhitten|r[ée]chauffer|opvarmen|varmes)\b",
    re.I,
)

# Off the heat: "remove from the heat", "take off the heat", "turn off the heat"
OFF_THE_HEAT = re.compile(
    r"\b(?:(?:remove|take|lift|move|transfer)\w*\s+(?:\w+\s+){0,6}?(?:from|off(?:\s+of)?)\s+(?:the\s+)?"
    r"(?:heat|stove|hob|burner)|"
    r"off\s+(?:the\s+)?heat|turn\w*\s+off\s+the\s+(?:heat|stove|burner)|"
    r"hors\s+du\s+feu|vom\s+herd|von\s+der\s+(?:herd)?platte|van\s+het\s+vuur|del\s+fuego|"
    r"dal\s+fuoco|do\s+fogo|fra\s+varmen|fr[åa]n\s+v[äa]rmen|af\s+varmen|z\s+ognia|turn\w*\s+the\s+(?:heat|stove|burner)\s+off|"
    # left to cool: off the heat ("pour into a large bowl … and let cool")
    r"(?:let|allow|leave)\s+(?:\w+\s+){0,3}?(?:to\s+)?cool)\b",
    re.I,
)


def before_off(text: str) -> str:
    """The text before the food comes off the heat ("remove the pot from the heat and …")."""
    off = OFF_THE_HEAT.search(text)
    return text[: off.start()] if off else text
