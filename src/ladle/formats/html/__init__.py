"""Recipe web pages in: a package by concern.

- :mod:`.dom`: parsing a page once, its text, what it hides, its address and name;
- :mod:`.card`: the recipe card a page's own markup shows (lists named "ingredients" …);
- :mod:`.microdata`: schema.org microdata as schema.org dicts;
- :mod:`.sites`: recipe-scrapers' site scrapers, for sites that read pages their own way;
- :mod:`.repairs`: what the page shows mending what its schema.org data lost, draft → draft;
- :mod:`.reader`: the page to drafts.
"""

from __future__ import annotations

from ladle.formats.html.dom import without_noise
from ladle.formats.html.reader import read
from ladle.formats.html.repairs import without_site_name

__all__ = ["read", "without_noise", "without_site_name"]
