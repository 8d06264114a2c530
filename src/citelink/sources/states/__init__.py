"""State law: the codes and constitutions of the 50 states, D.C. and the territories.

``table`` is the generated data (jurisdictions, codes, every name writers use
for them; see ``scripts/build_state_table.py``), ``names`` turns those names
into regular expressions, ``source`` holds the citation type and the grammar,
``links`` the URLs of the official texts.
"""

from __future__ import annotations

from citelink.sources.states.source import SOURCE, StateCitation, StateLaw

__all__ = ["SOURCE", "StateCitation", "StateLaw"]
