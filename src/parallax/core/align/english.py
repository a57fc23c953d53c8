"""English words for matching against dictionary glosses: tokens, stop words, a light stemmer.

The stemmer is deliberately crude: the same function is applied to the dictionary's glosses and
to the text, so consistency matters more than linguistics. It folds British spellings, common
irregular verbs and plural/tense/adverb suffixes.
"""

from __future__ import annotations

import re
from functools import lru_cache

import regex

_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?")  # ASCII only: ``re`` matches as ``regex`` does

STOP_WORDS = frozenset(
    """
    a about above after again against all also am an and any are aren't as at be because been
    before being below between both but by can could did do does doing down during each either
    else etc ever few for from further had has have having he her here hers herself him
    himself his how i if in into is it its itself just let me mine more most much must my
    myself no nor not now of off on once one only or other our ours ourselves out over own per
    same shall she should so some such than that the their theirs them themselves then there
    these they this those through thus to too under until up upon us very was we were what
    when where which while who whom whose why will with would yet you your yours yourself
    yourselves s t d ll m re ve sth sb someone something oneself someone's sb's sth's used etc
    esp e g i e particle marker classifier measure word words indicates expresses
    """.split()
)

# irregular form -> base, as "form:base" pairs
_IRREGULAR = dict(
    pair.split(":")
    for pair in """
    said:say says:say went:go gone:go goes:go took:take taken:take came:come saw:see seen:see
    knew:know known:know thought:think told:tell gave:give given:give found:find made:make
    got:get gotten:get felt:feel left:leave kept:keep held:hold brought:bring began:begin
    begun:begin ran:run sat:sit stood:stand understood:understand heard:hear met:meet led:lead
    fell:fall fallen:fall wrote:write written:write spoke:speak spoken:speak ate:eat eaten:eat
    drank:drink drunk:drink bought:buy sold:sell sent:send spent:spend built:build lost:lose
    paid:pay won:win became:become chose:choose chosen:choose drove:drive rode:ride rose:rise
    risen:rise grew:grow grown:grow threw:throw thrown:throw flew:fly slept:sleep woke:wake
    wore:wear worn:wear broke:break broken:break caught:catch taught:teach fought:fight
    sought:seek struck:strike hung:hang lay:lie lain:lie laid:lay hid:hide hidden:hide
    shot:shoot forgot:forget forgotten:forget children:child men:man women:woman people:person
    feet:foot teeth:tooth mice:mouse better:good best:good worse:bad worst:bad lives:life
    wives:wife knives:knife leaves:leaf dying:die lying:lie meant:mean dealt:deal swore:swear
    sang:sing sung:sing swam:swim drew:draw drawn:draw bore:bear born:bear tore:tear torn:tear
    bit:bite bitten:bite shook:shake stole:steal stolen:steal froze:freeze frozen:freeze
    blew:blow knelt:kneel wept:weep fed:feed fled:flee bent:bend lit:light slid:slide
    spun:spin stuck:stick swung:swing hurt:hurt crept:creep sprang:spring sank:sink dug:dig
    """.split()
)
# (pattern, replacement of the matched ending); callables, as ``regex`` would otherwise parse a
# template string on every call.
_SPELLING = (
    (
        regex.compile(r"(?<=\w{3})is(e|ed|es|ing|ation|ations)$"),
        lambda match: "iz" + (match.group(1) or ""),
    ),
    (regex.compile(r"(?<=\w{3})our(s|ed|ing|able)?$"), lambda match: "or" + (match.group(1) or "")),
    (regex.compile(r"(?<=\w{2}[^aeiou])re(s|d)?$"), lambda match: "er" + (match.group(1) or "")),
)
_VOWELS = set("aeiouy")


def tokens(text: str) -> list[str]:
    """The lowercase words of ``text`` (letters, with an inner apostrophe such as ``Xi's``)."""
    return _TOKEN.findall(text.lower())


_TOKEN_OR_BREAK = re.compile(_TOKEN.pattern + r"|\n")


def tokens_and_breaks(text: str) -> list[str]:
    """:func:`tokens` of ``text``, with its line breaks ("\\n") where they are: many texts
    joined by line breaks are tokenised at once, far faster than one by one."""
    return _TOKEN_OR_BREAK.findall(text.lower())


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A crude stem of the lowercase ``word``: ``criticised`` and ``criticize`` -> ``criticiz``."""
    word = word.split("'", 1)[0]
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) <= 3:
        return word
    for pattern, replacement in _SPELLING:
        word = pattern.sub(replacement, word)
    word = _strip_suffix(word)
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    return word


def _strip_suffix(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("ied") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("sses"):
        return word[:-2]
    if word.endswith(("ches", "shes", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    for suffix, minimum in (("ingly", 7), ("ing", 6), ("edly", 6), ("ed", 5), ("ly", 6)):
        if word.endswith(suffix) and len(word) >= minimum:
            base = word[: -len(suffix)]
            if not _VOWELS & set(base):
                return word
            if len(base) > 3 and base[-1] == base[-2] and base[-1] not in "lsz":
                base = base[:-1]
            return base
    return word


def content_stems(text: str) -> list[str]:
    """The stems of the content words of ``text`` (stop words left out), in order."""
    return [stem(t) for t in tokens(text) if t not in STOP_WORDS and len(t) > 1]
