"""Norwegian Nynorsk data: the nb tokenizer rules fit, with Nynorsk abbreviations and words.

spaCy's ``nn`` has the Bokmål tokenizer exceptions; simplemma has Nynorsk lemmas.
"""

NON_FINAL_ABBREVIATIONS = frozenset({
    "t.d.", "m.a.", "m.a.o.", "bl.a.", "f.eks.", "ca.", "kl.", "nr.", "dvs.", "jf.", "pga.",
    "p.g.a.", "mht.", "iht.", "evt.", "s.", "kap.", "tlf.", "mfl.", "m.fl.", "vs.", "ev.",
    "hhv.", "ift.", "o.a.",
})

TOKEN_ABBREVIATIONS = (
    "t.d.", "m.a.", "m.a.o.", "dvs.", "ca.", "mfl.", "nr.", "osb.", "jf.", "pga.", "mht.",
    "iht.", "evt.", "kl.", "kap.", "tlf.", "o.l.", "o.a.", "ift.", "hhv.", "vs.",
)

# Exceptions spaCy's nn tokenizer inherits from Bokmål that are Nynorsk words: «eg.» (for
# «egentleg») would swallow the full stop after «eg» (I), which ends sentences all the time
# («Det trur eg.»), and leave «eg.» as the lemma.
NOT_ABBREVIATIONS = ("eg.", "Eg.")

# simplemma's slips on this domain's words (its nn data reads «rangering» as «rangeringa»).
LEMMA_OVERRIDES = {
    "rangering": "rangering",
    "nav": "nav", "nav-kontor": "nav-kontor", "nav-kontoret": "nav-kontor",
    "nav-kontora": "nav-kontor", "målekort": "målekort", "målekortet": "målekort",
    "målekorta": "målekort",
}

NEGATORS = frozenset({"ikkje", "aldri", "ingen", "ingenting", "inkje", "neppe", "verken"})
REVERSALS = ("tvert imot", "heller motsett", "det motsette", "snarare", "heller")
SOFTENERS = frozenset({"vel", "kanskje", "truleg", "sikkert", "nok"})
YES = frozenset({"ja", "absolutt", "sjølvsagt", "definitivt", "jau", "jo"})
NO = frozenset({"nei", "neida"})
CONCLUSIONS = ("alt i alt", "så eg", "vil eg seie", "eg vil seie", "lande på", "konklusjon",
               "summere", "så ja", "så nei")

SPOKEN_STOP_WORDS = frozenset({
    "kva", "kvar", "altså", "liksom", "jo", "sånn", "slik", "ehm", "eh", "hm", "mm", "nei", "ja",
    "tja", "då", "no", "vel", "berre", "litt", "mykje", "ganske", "eigentleg", "kanskje",
    "ting", "gong", "måte", "gjere", "få", "seie", "tenkje", "ler",
})

# spaCy's nn has no stop words: the Nynorsk function words (what ``words`` leaves out).
STOP_WORDS = frozenset("""
eg meg du deg han ho henne det den dei dykk de vi me oss seg sin si sitt sine min mi mitt
mine din di ditt dine hans hennar vår vårt våre dykkar deira og i på til av for med som at
er var vere vore har hadde ha ikkje ein ei eit om så men frå kan kunne skal skulle vil ville
må måtte blir bli blei vert vart verte vorte no då der her kva kvar korleis kvifor når også
òg eller berre enn etter over under mot mellom utan ved inn ut opp ned alle alt noko nokon
nokre mange mykje meir mest litt andre anna same dette desse denne sjølv kor hjå
""".split())
