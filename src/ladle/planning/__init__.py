"""The meal planner: recipes, a kitchen and a serving time in; a timeline out.

``problem`` holds the task graph the planner works on, ``kitchen`` the kitchen, ``tasks``
builds the graph from recipes, ``solver`` finds the timeline with OR-Tools CP-SAT,
``bounds`` and ``explain`` say what limits it or why there is none, ``check`` verifies a plan
independently of the solver, and ``export`` draws it (SVG) and writes it as a calendar (ICS).
"""
