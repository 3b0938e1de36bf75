"""A pure-Python core for Indonesian text: no Django, no network, no downloaded models.

normalise  social-media Indonesian to plain lowercase words (slang, elongations, digits)
dates      date expressions, absolute and relative to a publication date
references regulation and circular numbers
places     region names to Kemendagri codes
people     official titles and the people quoted with them
news       prevention activity extracted from a news article
"""
