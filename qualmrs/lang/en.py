"""English data the stock spaCy ``en`` tokenizer and simplemma lack (see ``nb.py``)."""

# spaCy keeps these as one token with their full stop; before a capitalised word they do
# not end the sentence («Mr. Smith», «e.g. HR»), unlike «etc.» or «Inc.».
NON_FINAL_ABBREVIATIONS = frozenset({
    "mr.", "mrs.", "ms.", "dr.", "prof.", "st.", "mt.", "e.g.", "i.e.", "vs.", "v.s.", "gen.",
    "gov.", "rep.", "sen.", "rev.", "adm.", "messrs.",
})

# spaCy's English exceptions cover these already (also capitalised); none to add.
TOKEN_ABBREVIATIONS = ()

# simplemma reads an «-ing» noun as its verb in the singular only («meeting» → «meet», but
# «meetings» → «meeting»), so a phrase and its plural would not match; a workplace study
# uses these nouns constantly. «felt» is left as it is by simplemma.
LEMMA_OVERRIDES = {
    "meeting": "meeting", "ranking": "ranking", "training": "training", "felt": "feel",
}

# Answer reading (closed questions). Lemmas, lower case.
NEGATORS = frozenset({"not", "n't", "never", "no", "none", "nothing", "neither", "nor",
                      "hardly"})
REVERSALS = ("quite the opposite", "the opposite", "on the contrary", "rather")
SOFTENERS = frozenset({"perhaps", "maybe", "probably", "possibly", "somewhat", "guess"})
YES = frozenset({"yes", "yeah", "absolutely", "definitely", "certainly", "sure"})
NO = frozenset({"no", "nope"})
CONCLUSIONS = ("all in all", "so i", "i would say", "i'd say", "to sum up", "overall",
               "so yes", "so no")

# Fillers of spoken English that spaCy's (written) stop list lacks.
SPOKEN_STOP_WORDS = frozenset({
    "um", "uh", "er", "erm", "hmm", "mm", "yeah", "okay", "ok", "like", "just", "really",
    "sort", "kind", "thing", "things", "lot", "bit", "actually", "basically", "laugh", "laughs",
})
