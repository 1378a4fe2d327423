/* The word lists of the sentence splitter: abbreviations by how they behave
 * at a period, words that usually start a sentence, verbs of speech and
 * names written with an exclamation mark. Every list is sorted (strcmp
 * order, lower case) so that a look-up is a binary search; a unit test
 * checks the order. */
#include <stdlib.h>
#include <string.h>

#include "text_internal.h"

/* Longest word looked up, in bytes; longer words are in no list. */
#define MAX_WORD 15

typedef struct abbreviation {
    const char *word;
    bci_abbreviation kind;
} abbreviation;

#define T BCI_ABBR_TITLE
#define P BCI_ABBR_PREFIX
#define N BCI_ABBR_NUMERIC
#define F BCI_ABBR_FINAL
#define E BCI_ABBR_ETC
#define M BCI_ABBR_TIME

/* Written without their final period, as the splitter sees the word. */
static const abbreviation abbreviations[] = {
    {"a.k.a", P}, {"a.m", M}, {"adm", T}, {"al", F}, {"approx", N}, {"apr", N}, {"ariz", F},
    {"art", N}, {"assn", F}, {"aug", N}, {"ave", F}, {"blvd", F}, {"brig", T}, {"bros", F},
    {"ca", N}, {"calif", F}, {"capt", T}, {"cf", P}, {"ch", N}, {"cllr", T}, {"cmdr", T},
    {"co", F}, {"col", T}, {"colo", F}, {"conn", F}, {"corp", F}, {"cos", F}, {"cpl", T},
    {"dec", N}, {"dept", F}, {"det", T}, {"dr", T}, {"e.g", P}, {"eg", P}, {"esp", P},
    {"esq", F}, {"est", N}, {"etc", E}, {"ext", N}, {"feb", N}, {"fig", N}, {"figs", N},
    {"fla", F}, {"fr", T}, {"ft", N}, {"gen", T}, {"gov", T}, {"govt", F}, {"hon", T},
    {"i.e", P}, {"ie", P}, {"inc", F}, {"incl", P}, {"insp", T}, {"jan", N}, {"jr", F},
    {"jul", N}, {"jun", N}, {"llc", F}, {"lt", T}, {"ltd", F}, {"maj", T}, {"mar", N},
    {"messrs", T}, {"mich", F}, {"minn", F}, {"mlle", T}, {"mme", T}, {"mmes", T}, {"mr", T},
    {"mrs", T}, {"ms", T}, {"mt", T}, {"mx", T}, {"neb", F}, {"nev", F}, {"no", N}, {"nos", N},
    {"nov", N}, {"n\xC2\xB0", N}, {"n\xC2\xBA", N}, {"oct", N}, {"okla", F}, {"op", N},
    {"p.m", M}, {"para", N}, {"ph.d", F}, {"plc", F}, {"pp", N}, {"pres", T}, {"prof", T},
    {"pt", N}, {"pvt", T}, {"rd", F}, {"rep", T}, {"rev", T}, {"rs", N}, {"rt", T}, {"sec", N},
    {"sen", T}, {"sep", N}, {"sept", N}, {"sgt", T}, {"sr", F}, {"st", F}, {"ste", T},
    {"supt", T}, {"tel", N}, {"tenn", F}, {"univ", F}, {"v", P}, {"viz", P}, {"vol", N},
    {"vols", N}, {"vs", P}, {"wis", F}, {"wyo", F},
};

#undef T
#undef P
#undef N
#undef F
#undef E
#undef M

/* Capitalised words that usually start a sentence and rarely stand for a
 * name, so after "U.S." or "Inc." they tell that a new sentence begins. */
static const char *const sentence_starters[] = {
    "a",       "after",    "all",     "also",    "although", "an",      "and",
    "another", "any",      "are",     "as",      "at",       "back",    "because",
    "before",  "both",     "but",     "by",      "can",      "could",   "did",
    "do",      "does",     "during",  "each",    "earlier",  "even",    "every",
    "few",     "finally",  "first",   "for",     "from",     "had",     "has",
    "have",    "he",       "her",     "here",    "his",      "how",     "however",
    "i",       "if",       "in",      "instead", "is",       "it",      "its",
    "just",    "last",     "later",   "many",    "maybe",    "meanwhile", "more",
    "most",    "much",     "my",      "neither", "never",    "no",      "nor",
    "not",     "now",      "of",      "on",      "once",     "one",     "only",
    "or",      "other",    "our",     "perhaps", "really",   "several", "she",
    "should",  "since",    "so",      "some",    "soon",     "still",   "such",
    "that",    "the",      "their",   "then",    "there",    "these",   "they",
    "this",    "those",    "though",  "thus",    "to",       "today",   "tomorrow",
    "two",     "under",    "until",   "was",     "we",       "were",    "what",
    "when",    "where",    "whether", "which",   "while",    "who",     "why",
    "with",    "without",  "would",   "yes",     "yesterday", "yet",    "you",
    "your",
};

/* Titles that stand before a name; after an abbreviation they start a new
 * sentence only when the sentence so far is long (see sentences.c). */
static const char *const name_titles[] = {
    "dr", "miss", "mr", "mrs", "ms", "mx", "prof", "sir",
};

/* Verbs that attribute a quote: `"Stop!" Smith shouted.` stays one sentence. */
static const char *const speech_verbs[] = {
    "added",    "adds",     "admitted",    "agreed",   "announced", "answered", "argued",
    "asked",    "asks",     "claimed", "continued", "cried",    "declared", "exclaimed",
    "explained", "insisted", "noted",  "recalled", "replied",   "said",     "says",
    "screamed", "shouted",  "stated",  "tells",    "told",      "warned",   "whispered",
    "writes",   "wrote",   "yelled",
};

/* Words that follow a time of day inside a sentence: "at 3 p.m. Friday",
 * "9 a.m. GMT". */
static const char *const time_followers[] = {
    "april",  "august",   "bst",     "cdt",      "cet",    "cst",    "december",
    "edt",    "est",      "et",      "february", "friday", "gmt",    "january",
    "july",   "june",     "march",   "may",      "mdt",    "monday", "mst",
    "november", "october", "pdt",    "pst",      "pt",     "saturday", "september",
    "sunday", "thursday", "tuesday", "utc",      "wednesday",
};

/* Names spelt with an exclamation mark, which need not end a sentence. */
static const char *const exclaimed_names[] = {
    "airplane", "jeopardy", "mia", "oklahoma", "wham", "yahoo",
};

/* Copies the word in ASCII lower case into `lower` (MAX_WORD + 1 bytes);
 * returns false when it is empty or too long to be in a list. */
static bool lower_word(const char *word, size_t length, char *lower)
{
    if (length == 0 || length > MAX_WORD)
        return false;
    for (size_t i = 0; i < length; i++) {
        char c = word[i];
        lower[i] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
    }
    lower[length] = '\0';
    return true;
}

static int compare_word(const void *key, const void *item)
{
    return strcmp(key, *(const char *const *)item);
}

static int compare_abbreviation(const void *key, const void *item)
{
    return strcmp(key, ((const abbreviation *)item)->word);
}

static bool in_list(const char *word, size_t length, const char *const *list, size_t count)
{
    char lower[MAX_WORD + 1];
    if (!lower_word(word, length, lower))
        return false;
    return bsearch(lower, list, count, sizeof *list, compare_word) != NULL;
}

bci_abbreviation bci_abbreviation_kind(const char *word, size_t length)
{
    char lower[MAX_WORD + 1];
    if (!lower_word(word, length, lower))
        return BCI_ABBR_NONE;
    const abbreviation *found = bsearch(lower, abbreviations, BCI_ARRAY_LEN(abbreviations),
                                        sizeof *abbreviations, compare_abbreviation);
    return found ? found->kind : BCI_ABBR_NONE;
}

bool bci_is_sentence_starter(const char *word, size_t length)
{
    return in_list(word, length, sentence_starters, BCI_ARRAY_LEN(sentence_starters));
}

bool bci_is_name_title(const char *word, size_t length)
{
    return in_list(word, length, name_titles, BCI_ARRAY_LEN(name_titles));
}

bool bci_is_speech_verb(const char *word, size_t length)
{
    return in_list(word, length, speech_verbs, BCI_ARRAY_LEN(speech_verbs));
}

bool bci_is_time_follower(const char *word, size_t length)
{
    return in_list(word, length, time_followers, BCI_ARRAY_LEN(time_followers));
}

bool bci_is_exclaimed_name(const char *word, size_t length)
{
    return in_list(word, length, exclaimed_names, BCI_ARRAY_LEN(exclaimed_names));
}

static bool strings_sorted(const char *const *list, size_t count)
{
    for (size_t i = 1; i < count; i++)
        if (strcmp(list[i - 1], list[i]) >= 0)
            return false;
    return true;
}

bool bci_word_lists_sorted(void)
{
    for (size_t i = 1; i < BCI_ARRAY_LEN(abbreviations); i++)
        if (strcmp(abbreviations[i - 1].word, abbreviations[i].word) >= 0)
            return false;
    return strings_sorted(sentence_starters, BCI_ARRAY_LEN(sentence_starters)) &&
           strings_sorted(name_titles, BCI_ARRAY_LEN(name_titles)) &&
           strings_sorted(speech_verbs, BCI_ARRAY_LEN(speech_verbs)) &&
           strings_sorted(time_followers, BCI_ARRAY_LEN(time_followers)) &&
           strings_sorted(exclaimed_names, BCI_ARRAY_LEN(exclaimed_names));
}
