"""Hand-written English grammar rules for errors Harper does not report.

Each rule looks at a word and its neighbours: verb forms after modals and
"do", subject-verb agreement with personal pronouns, a singular determiner
before a plural noun, uncountable nouns used as countable, "be" or a
preposition before a bare verb, and two clauses joined by a comma. Word forms come from the en_US
Hunspell dictionary's morphology (stem plus the affix that made the word), so
the rules need no model and no word list beyond the closed classes below.
Every rule is tuned for precision: it stays silent when a word could be read
two ways.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple

from servicefit.text_scoring.proofreading import known_word, word_analyses
from servicefit.text_scoring.results import LanguageIssue

_TOKEN = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?|\d[\d.,:/-]*|[.,;:!?]")
_LOWER_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?|,")


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


class Token(NamedTuple):
    text: str
    low: str  # lower case, with a typographic apostrophe as a plain one
    position: int  # place among the sentence's tokens


def tokens(text: str) -> list[Token]:
    plain = text.replace("\u2019", "'")  # same length: offsets hold
    return [Token(word, word.lower(), i) for i, word in enumerate(_TOKEN.findall(plain))]


def spans(text: str) -> list[tuple[int, int]]:
    """Character offsets of each of tokens(text)."""
    return [m.span() for m in _TOKEN.finditer(text.replace("\u2019", "'"))]


MODALS = _set(
    "can could will would shall should may might must cannot can't won't wouldn't "
    "shouldn't couldn't mustn't"
)
# adverbs that may stand between an auxiliary and its verb
ADVERBS = _set(
    "not also still never always only even easily really just probably certainly definitely "
    "surely hardly usually often then soon actually already ever sometimes rarely "
    "seldom simply truly completely fully quickly"
)
IRREGULAR_PAST = _set(
    "went came became took gave saw did ate began chose drove fell forgot knew ran rode rose "
    "sang spoke stole swam threw wore wrote was were had made got brought bought thought "
    "taught caught found left felt kept told said sold lost met paid sent spent stood "
    "understood won grew flew drew broke built led meant slept heard held sat fought"
)
PAST_PARTICIPLES = _set(
    "gone taken given seen done eaten begun chosen driven fallen forgotten known written "
    "spoken stolen worn thrown grown flown drawn broken been"
)
THIRD_PERSON_AUX = _set("is has does was doesn't isn't hasn't wasn't")
# words ending in -s that Hunspell derives from a stem but are not plurals or verb forms here
NOT_INFLECTED = _set(
    "always sometimes perhaps means news series species thanks afterwards towards besides "
    "nowadays whereas thus plus less unless yes his hers its ours yours theirs as us has is "
    "was does lots various physics mathematics economics politics ethics athletics "
    "headquarters whereabouts"
)
DETERMINERS = _set("a an the this that his her my your their our its")
# after these, a pronoun can be an object followed by a bare verb ("let it go"),
# or the order is a question ("does he have")
BARE_VERB_CONTEXT = _set(
    "let lets make makes made help helps helped see sees saw watch watched hear heard have "
    "had has do does did can could will would should may might must shall if wish why where "
    "when what how doesn't didn't don't won't can't couldn't wouldn't shouldn't"
)
# past tenses spelled like a bare verb: "he read" is fine
SAME_PAST = _set("read put cut set let hit hurt cost quit shut spread bet cast split burst")
IRREGULAR_PLURALS = _set("people children men women feet teeth mice")
UNCOUNTABLE = _set(
    "information advice equipment furniture knowledge homework luggage baggage evidence "
    "feedback software machinery scenery garbage rubbish jewelry jewellery"
)
# verbs whose bare form is not also an adjective or a common noun: "is agree" is an error
BARE_VERBS = _set(
    "agree depend happen exist belong seem become go come make take give know think want "
    "prefer believe learn understand improve provide allow affect spend try live get see buy "
    "choose decide enjoy develop teach lose grow find keep tell say bring succeed concentrate "
    "occur appear disagree consider realize realise solve"
)
BE = _set("is are was were am be been isn't aren't wasn't weren't")
SUBJECT_PRONOUNS = _set("i we they he she it you there this")
# a sentence opened by these is a subordinate or introductory clause: its comma is fine
CLAUSE_OPENERS = _set(
    "if when although though because as since while after before unless once even whether "
    "until whenever wherever where in for on at by with without to however moreover therefore "
    "thus also furthermore first firstly second secondly third thirdly finally lastly besides "
    "so but and or then now today otherwise nevertheless from during according of like "
    "instead what who whoever whatever despite considering given based due hence "
    "consequently additionally similarly likewise personally generally actually indeed yes "
    "no well nowadays recently currently sometimes usually often here overall "
    "unfortunately fortunately surprisingly still please hi hello dear thanks thank sorry "
    "ok okay"
)
SUBORDINATORS = _set(
    "if when because although though since while after before unless which who whom whose "
    "that as whether what how where until why"
)
FINITE_HINTS = _set(
    "is are was were am has have had do does did can could will would should may might must "
    "i we they he she it you"
)


@lru_cache(maxsize=50000)
def _forms(word: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """The affix flags (S, D, G; "base" for a dictionary entry) that make *word*, and stems."""
    flags: set[str] = set()
    stems: list[str] = []
    for stem, flag in word_analyses("en", word):
        if not flag:
            if stem == word:
                flags.add("base")
        elif len(stem) >= 3:
            flags.add(flag)
            stems.append(_trimmed(word, stem))
    return frozenset(flags), tuple(stems)


_TRIMS = {
    "S": ("s", "es", "ies:y"),
    "D": ("d", "ed", "?ed", "ied:y"),
    "G": ("ing", "ing:e", "?ing"),
}


def _trimmed(word: str, stem: str) -> str:
    """*stem* when *word* is built on it by a suffix; else the bare form found by cutting the
    suffix off ("returned": Hunspell's stem is "turn", the bare form "return")."""
    if stem and word.startswith(stem[:-1]):
        return stem
    for flag in ("S", "D", "G"):
        for trim in _TRIMS[flag]:
            cut, _, add = trim.partition(":")
            doubled = cut.startswith("?")
            cut = cut.lstrip("?")
            if not word.endswith(cut):
                continue
            bare = word[: len(word) - len(cut)]
            if doubled:
                if len(bare) < 2 or bare[-1] != bare[-2]:
                    continue
                bare = bare[:-1]
            bare += add
            if len(bare) >= 2 and known_word("en", bare):
                return bare
    return stem


def inflected(word: str) -> str | None:
    """The stem of a word that is only an -s, -ed or -ing form (never a word of its own)."""
    if word in NOT_INFLECTED:
        return None
    flags, stems = _forms(word)
    if "base" in flags or not flags & {"S", "D", "G"}:
        return None
    return stems[0]


def _singular(word: str) -> str | None:
    """The singular a plural-looking word comes from: "customers" -> "customer"."""
    if len(word) < 4 or not word.endswith("s") or word.endswith(("ss", "us", "is")):
        return None
    candidates = [word[:-1]]
    if word.endswith("es"):
        candidates.append(word[:-2])
    if word.endswith("ies"):
        candidates.append(word[:-3] + "y")
    return next((c for c in candidates if known_word("en", c)), None)


def plural_noun(word: str) -> str | None:
    """The singular of *word* when it can only be a plural (or a third person) form."""
    if word in IRREGULAR_PLURALS:
        return word
    if word in NOT_INFLECTED:
        return None
    flags, stems = _forms(word)
    if "base" in flags:
        return None
    if "S" in flags:
        return stems[0]
    return _singular(word) if known_word("en", word) else None


@lru_cache(maxsize=20000)
def verb_lemma(word: str) -> bool:
    """*word* is the bare form of a verb: the dictionary derives an -ing form from it."""
    candidates = {word + "ing", word + word[-1:] + "ing"}
    if word.endswith("e"):
        candidates.add(word[:-1] + "ing")
    if any(
        flag == "G" and stem == word
        for candidate in candidates
        for stem, flag in word_analyses("en", candidate)
    ):
        return True
    # "stopping" is an entry of its own: a doubled consonant before -ing marks a verb
    return word[-1:] in set("bdgklmnprt") and known_word("en", word + word[-1] + "ing")


def third_person(verb: str) -> str:
    if verb.endswith("y") and verb[-2:-1] not in set("aeiou"):
        return verb[:-1] + "ies"
    return verb + ("es" if verb.endswith(("s", "sh", "ch", "x", "z", "o")) else "s")


def _skip(words: Sequence[Token], index: int) -> int:
    while index < len(words) and words[index].low in ADVERBS:
        index += 1
    return index


def _not_bare(word: Token) -> str | None:
    """Why *word* cannot follow "can" or "did not", or None when it can."""
    low = word.low
    if word.text[:1].isupper() or not low.isalpha():
        return None
    if low in IRREGULAR_PAST or low in PAST_PARTICIPLES or low in THIRD_PERSON_AUX:
        return low
    if low in NOT_INFLECTED:
        return None
    flags, stems = _forms(low)
    if flags & {"S", "D", "G"}:
        return stems[0]
    if low.endswith(("ed", "ing")):  # "stopped", "running": entries of their own
        bare = _trimmed(low, "")
        return bare if len(bare) >= 3 and verb_lemma(bare) else None
    return None


Found = tuple[Token, Token, str, tuple[str, ...]]  # first word, last word, message, suggestions


def _bare_verb_after(words: Sequence[Token], i: int, j: int) -> Iterator[Found]:
    """The verb at or after *j* (adverbs skipped) if it is not bare, as a finding against
    the word at *i* that wants a bare verb ("can", "didn't", "does not")."""
    j = _skip(words, j)
    stem = _not_bare(words[j]) if j < len(words) else None
    if stem:
        yield (
            words[i],
            words[j],
            f"after “{words[i].text}” use the bare verb",
            (stem,) if stem != words[j].low else (),
        )


def modal_verb_form(words: Sequence[Token]) -> Iterator[Found]:
    """ "can improves", "will went", "may loosing": a modal takes the bare verb."""
    if words and words[-1].text == "?":
        return  # "When will customers get it?": the subject follows the modal
    for i, word in enumerate(words):
        if word.low not in MODALS or i == 0 or words[i - 1].low in DETERMINERS:
            continue
        yield from _bare_verb_after(words, i, i + 1)


def do_verb_form(words: Sequence[Token]) -> Iterator[Found]:
    """ "didn't went", "does not knows": after "do" the verb is bare."""
    for i, word in enumerate(words):
        if word.low in {"don't", "doesn't", "didn't"}:
            j = i + 1
        elif word.low in {"do", "does", "did"} and i + 1 < len(words) and words[i + 1].low == "not":
            j = i + 2
        else:
            continue
        yield from _bare_verb_after(words, i, j)


_SINGULAR_ONLY = {"have": "has", "do": "does", "are": "is", "were": "was", "don't": "doesn't"}
_SINGULAR_ONLY |= {"aren't": "isn't", "weren't": "wasn't", "haven't": "hasn't"}
_PLURAL_ONLY = {"is": "are", "has": "have", "does": "do", "doesn't": "don't", "isn't": "aren't"}
_PLURAL_ONLY |= {"hasn't": "haven't"}
NOT_BARE_VERBS = (
    MODALS
    | ADVERBS
    | _set(
        "last first even once too well better alone rather home right back down up out off over "
        "together himself herself"
    )
)


_PLURAL_SUBJECT_VERBS = _PLURAL_ONLY | {"was": "were"}


_NOT_BARE_AFTER_HE = NOT_BARE_VERBS | IRREGULAR_PAST | SAME_PAST
SUBJECTS = _set("he she it i we they you people children")


def _agreement_fix(before: str | None, subject: str, verb: str) -> str | None:
    """The verb form that agrees with *subject*, or None when *verb* already does."""
    if subject in {"he", "she", "it"} and verb in _SINGULAR_ONLY:
        return None if verb == "were" and before in {"if", "though"} else _SINGULAR_ONLY[verb]
    if subject in {"i", "we", "they"} and verb in _PLURAL_ONLY:
        return _PLURAL_ONLY[verb]
    if subject in {"we", "you", "they"} and verb in {"was", "wasn't"}:
        return "were" if verb == "was" else "weren't"
    if subject == "i" and verb in {"are", "aren't"}:
        return "am" if verb == "are" else "am not"
    if subject in {"people", "children"} and verb in _PLURAL_SUBJECT_VERBS:
        # "the number of people is" agrees with "number"
        return None if before == "of" else _PLURAL_SUBJECT_VERBS[verb]
    if subject in {"he", "she"}:
        bare = (
            verb.isalpha()
            and verb not in _NOT_BARE_AFTER_HE
            and verb_lemma(verb)
            and not inflected(verb)
        )
        return third_person(verb) if bare else None
    if subject in {"i", "we", "they"} and verb.endswith("s") and verb not in NOT_INFLECTED:
        stem = inflected(verb)
        return stem if stem and verb_lemma(stem) else None
    return None


def agreement(words: Sequence[Token]) -> Iterator[Found]:
    """ "he have", "they has", "we was", "I are", "she like", "they wants", "people is"."""
    for i, (word, verb) in enumerate(pairwise(words)):
        if word.low not in SUBJECTS:
            continue
        before = words[i - 1].low if i else None
        if before in BARE_VERB_CONTEXT:  # "let it go", "does he have"
            continue
        fix = _agreement_fix(before, word.low, verb.low)
        if fix:
            yield word, verb, f"“{verb.text}” does not agree with “{word.text}”", (fix,)


# words that can follow a noun phrase: a noun before them is its head, not a modifier
AFTER_NOUN = _set(
    "of to for from in on at with by about and or but that which who is are was were has have "
    "had do does did can could will would should may might must the a an this these those my "
    "your his her our their it they we i you he she"
)


def _modifier(words: Sequence[Token], index: int) -> bool:
    """The noun at *index* modifies a noun after it ("a sports car", "a software update")."""
    if index + 1 >= len(words):
        return False
    after = words[index + 1]
    return after.low.isalpha() and after.low not in AFTER_NOUN


def determiner_number(words: Sequence[Token]) -> Iterator[Found]:
    """ "a students", "every people", "another countries": a singular determiner, a plural."""
    for i, (word, noun) in enumerate(pairwise(words)):
        if word.low not in {"a", "an", "every", "another", "much"} or _modifier(words, i + 1):
            continue
        singular = None if noun.text[:1].isupper() else plural_noun(noun.low)
        if singular:
            yield (
                word,
                noun,
                f"“{word.text}” goes with a singular noun",
                (singular,) if singular != noun.low else (),
            )


def uncountable(words: Sequence[Token]) -> Iterator[Found]:
    """ "informations", "many advice", "an equipment": these nouns have no plural."""
    for i, word in enumerate(words):
        low = word.low
        if low.endswith("s") and low[:-1] in UNCOUNTABLE:
            yield word, word, f"“{low[:-1]}” has no plural", (word.text[:-1],)
        elif (
            low in UNCOUNTABLE
            and i
            and words[i - 1].low in {"many", "several", "a", "an", "these", "those", "few"}
            and not _modifier(words, i)
        ):
            before = words[i - 1]
            yield before, word, f"“{low}” cannot be counted", ()


def be_bare_verb(words: Sequence[Token]) -> Iterator[Found]:
    """ "is agree", "are get": a bare verb after "be" (it needs -ing, -ed or no "be")."""
    for i, word in enumerate(words):
        if word.low not in BE:
            continue
        j = _skip(words, i + 1)
        if j < len(words) and words[j].low in BARE_VERBS:
            yield word, words[j], f"“{words[j].text}” cannot follow “{word.text}”", ()


PREPOSITIONS = _set("of for by about without")


def preposition_bare_verb(words: Sequence[Token]) -> Iterator[Found]:
    """ "without know", "for make": after a preposition a verb takes -ing."""
    for word, verb in pairwise(words):
        if word.low in PREPOSITIONS and verb.low in BARE_VERBS:
            yield (
                word,
                verb,
                f"after \u201c{word.text}\u201d use the -ing form",
                (gerund(verb.low),),
            )


def gerund(verb: str) -> str:
    if verb.endswith("ie"):
        return verb[:-2] + "ying"
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")):
        return verb[:-1] + "ing"
    return verb + "ing"


def comma_splice(words: Sequence[Token]) -> Iterator[Found]:
    """ "We checked the order, it ships today": two sentences joined by a comma."""
    if not words or words[0].low in CLAUSE_OPENERS:
        return
    for i, word in enumerate(words):
        if word.text != "," or i + 2 >= len(words):
            continue
        subject = words[i + 1]
        if subject.low not in SUBJECT_PRONOUNS or not words[i + 2].low.isalpha():
            continue
        before = {w.low for w in words[:i]}
        if i < 3 or words[i - 1].low in CLAUSE_OPENERS:  # "I see, ...", "...; however, it"
            return
        if before & FINITE_HINTS and not before & SUBORDINATORS:
            yield (
                word,
                subject,
                "two sentences joined by a comma: use a full stop or a conjunction",
                (". " + subject.text.capitalize(),),
            )
        return


Rule = Callable[[Sequence[Token]], Iterator[Found]]
# each rule with the words one of which a sentence must contain for the rule to find anything
RULES: tuple[tuple[Rule, frozenset[str]], ...] = (
    (modal_verb_form, MODALS),
    (do_verb_form, _set("do does did don't doesn't didn't")),
    (agreement, SUBJECTS),
    (determiner_number, _set("a an every another much")),
    (uncountable, UNCOUNTABLE | {word + "s" for word in UNCOUNTABLE}),
    (be_bare_verb, BE),
    (preposition_bare_verb, PREPOSITIONS),
    (comma_splice, _set(",")),
)


def rule_issues(text: str, offset: int = 0) -> list[LanguageIssue]:
    """Issues the rules above find in one English sentence (*offset*: its place in the reply)."""
    present = set(_LOWER_WORD.findall(text.lower().replace("\u2019", "'")))
    rules = [rule for rule, needs in RULES if not needs.isdisjoint(present)]
    if not rules:
        return []
    words = tokens(text)
    hits = [hit for rule in rules for hit in rule(words)]
    if not hits:
        return []
    where = spans(text)
    found: list[LanguageIssue] = []
    for first, last, message, suggestions in hits:
        start, end = where[first.position][0], where[last.position][1]
        found.append(
            LanguageIssue(
                "grammar", offset + start, offset + end, text[start:end], message, suggestions
            )
        )
    return found
