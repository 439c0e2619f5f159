"""Whether a question is written in English, the one language the assistant reads."""

from __future__ import annotations

import re
import unicodedata

# Words that carry no subject of their own, common in questions. A question whose little words
# are mostly another language's is in that language, whatever class titles or codes it names
# (those are often English even in a Spanish question).
_ENGLISH = frozenset(
    "a an and are as at be by can do does for from has have how i in is it me my of on or "
    "the their there this to was what when where which who whom why will with you your"
    " about per earn earns salary pay grade code duties requirements level".split()
)
_OTHER = (
    frozenset(
        # Spanish, French, Portuguese, Italian, German: the words a question about a job needs.
        "el la los las un una unos unas del al de y o que qué cual cuál cuales cuáles cuanto "
        "cuánto cuanta cuánta es son para por con sin sobre como cómo donde dónde quien quién "
        "salario sueldo puesto requisitos funciones nivel cargo gana "
        "le les des du et ou est sont pour avec sans sur comment quel quelle quels quelles "
        "combien salaire poste exigences fonctions niveau gagne "
        "o os as um uma do da dos das é são com sem qual quais quanto salário cargo nível "
        "il lo gli è sono per con senza quale quali quanto stipendio livello requisiti "
        "der die das ein eine und oder ist sind für mit ohne wie welche welcher wieviel "
        "gehalt stelle anforderungen aufgaben stufe verdient".split()
    )
    - _ENGLISH
)
_WORD = re.compile(r"[^\W\d_]+")


def reads_as_english(question: str) -> bool:
    """False for a question plainly written in another language or script: the assistant
    would look its words up as English and say the standards do not cover them."""
    letters = [c for c in question if c.isalpha()]
    if not letters:
        return True  # numbers, codes and signs: nothing to judge, the assistant decides
    latin = sum(1 for c in letters if unicodedata.name(c, "").startswith("LATIN"))
    if latin < len(letters) / 2:
        return False  # Cyrillic, Greek, Arabic, CJK, ...: not read at all
    if "¿" in question or "¡" in question:
        return False
    words = [w.lower() for w in _WORD.findall(question)]
    english = sum(1 for w in words if w in _ENGLISH)
    other = sum(1 for w in words if w in _OTHER)
    return not (other >= 2 and other > english)


ENGLISH_ONLY = (
    "I can only read questions in English, so I cannot answer this one. Please ask it in "
    "English, for example: “What is the salary range of {example}?”"
)
