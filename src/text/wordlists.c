/* The word lists that quote attribution relies on: verbs that report
 * speech, titles and roles that stand before names, the last words of
 * organisations' names, common first names with their usual gender, and
 * the small words that end a name or a subject. Every list is sorted (the
 * unit tests check it) and searched by bisection. English only. */
#include <stdlib.h>
#include <string.h>

#include "quotes_internal.h"

/* Longest word looked up (bytes); longer words are in no list. */
#define MAX_WORD 24

static const char *const cue_words[] = {
    "acknowledged", "acknowledges", "added", "adds", "admits", "admitted", "announced",
    "announces", "answered", "argued", "argues", "asked", "asks", "asserted", "asserts",
    "assured", "bemoaned", "blogged", "boasted", "boasts", "bragged", "cautioned", "chanted",
    "chimed", "claimed", "commented", "complained", "complains", "conceded", "concedes",
    "concluded", "concludes", "confirmed", "confirms", "contended", "contends", "continued",
    "countered", "cried", "declared", "declares", "demanded", "elaborated", "emailed",
    "emphasised", "emphasises", "emphasized", "emphasizes", "estimated", "exclaimed",
    "explained", "explains", "fumed", "griped", "groused", "gushed", "implored", "insisted",
    "insists", "interjected", "interrupted", "joked", "lamented", "laments", "maintained",
    "maintains", "marveled", "marvelled", "mused", "muttered", "noted", "objected", "observed",
    "pleaded", "pledged", "posted", "predicted", "predicts", "pressed", "proclaimed",
    "proclaims", "prodded", "promised", "protested", "quipped", "quips", "raged", "reacted",
    "read", "reads", "reasoned", "recalled", "recalls", "recounted", "recounts", "reflected",
    "reiterated", "reiterates", "remarked", "reminded", "replied", "replies", "reported",
    "responded", "responds", "retorted", "revealed", "said", "sang", "say", "says", "scoffed",
    "screamed", "shouted", "sighed", "sings", "snapped", "sneered", "speculated", "stated",
    "stressed", "suggested", "suggests", "summarised", "summarized", "tells", "testified",
    "texted", "thundered", "told", "tweeted", "urged", "urges", "ventured", "vowed", "vows",
    "warned", "warns", "whispered", "wondered", "wonders", "writes", "wrote", "yelled",
};

static const char *const cue_weak_words[] = {
    "accused", "accuses", "agreed", "agrees", "alleged", "alleges", "argued", "assailed",
    "assails", "attacked", "believed", "believes", "billed", "blamed", "blasted", "branded",
    "called", "cast", "casts", "characterised", "characterized", "charged", "cited", "claimed",
    "compared", "condemned", "criticised", "criticises", "criticized", "criticizes", "deemed",
    "defended", "denied", "denies", "denounced", "described", "describes", "disagreed",
    "dismissed", "dubbed", "echoed", "endorsed", "expects", "expressed", "feels", "finds",
    "fired", "found", "framed", "hailed", "hopes", "insisted", "labeled", "labelled", "lauded",
    "likened", "mocked", "noted", "pitched", "pointed", "praised", "predicted", "projected",
    "projects", "promised", "questioned", "quoted", "referred", "rejected", "shot", "slammed",
    "stressed", "suggested", "termed", "thinks", "touted", "urged", "voiced", "vowed", "vowing",
    "wants", "warned", "welcomed",
};

static const char *const participle_words[] = {
    "accusing", "acknowledging", "adding", "admitting", "alleging", "announcing", "arguing",
    "asking", "asserting", "blasting", "boasting", "branding", "calling", "cautioning",
    "charging", "citing", "claiming", "complaining", "conceding", "contending", "continuing",
    "countering", "declaring", "demanding", "describing", "dismissing", "dubbing",
    "emphasising", "emphasizing", "explaining", "insisting", "joking", "labeling", "labelling",
    "lamenting", "maintaining", "noting", "observing", "pledging", "pointing", "praising",
    "predicting", "promising", "questioning", "quipping", "quoting", "reading", "recalling",
    "referring", "reiterating", "remarking", "replying", "responding", "saying", "stating",
    "stressing", "suggesting", "telling", "tweeting", "urging", "vowing", "warning", "writing",
};

static const char *const honorific_words[] = {
    "dame", "dr", "lady", "lord", "madam", "messrs", "miss", "mme", "mr", "mrs", "ms", "mx",
    "prof", "sir",
};

static const char *const role_words[] = {
    "acting", "activist", "actor", "actress", "adm", "admiral", "adviser", "advisor", "agent",
    "aide", "alderman", "ambassador", "analyst", "anchor", "archbishop", "architect",
    "assistant", "attorney", "atty", "auditor", "author", "barrister", "billionaire", "bishop",
    "blogger", "boss", "brother", "businessman", "businesswoman", "candidate", "capt",
    "captain", "cardinal", "ceo", "chair", "chairman", "chairperson", "chairwoman",
    "chancellor", "chef", "chief", "cmdr", "co-founder", "coach", "col", "colonel", "columnist",
    "comedian", "commander", "commentator", "commissioner", "comptroller", "congressman",
    "congresswoman", "conservative", "consultant", "corporal", "correspondent", "councillor",
    "councilman", "councilwoman", "counsel", "count", "countess", "cpl", "critic", "daughter",
    "dean", "defence", "defense", "delegate", "democrat", "democratic", "deputy", "designer",
    "det", "detective", "director", "doctor", "duchess", "duke", "economist", "editor",
    "emperor", "engineer", "entrepreneur", "envoy", "executive", "expert", "father",
    "filmmaker", "finance", "foreign", "former", "founder", "frontrunner", "gen", "general",
    "gop", "gov", "governor", "head", "historian", "hon", "host", "husband", "imam", "insp",
    "inspector", "interior", "investor", "judge", "justice", "king", "labour", "lawmaker",
    "lawyer", "leader", "legislator", "liberal", "lieutenant", "lt", "maj", "major", "manager",
    "mayor", "mep", "minister", "mogul", "mother", "mp", "nominee", "novelist", "nurse",
    "officer", "official", "owner", "pastor", "physician", "poet", "pollster", "pope",
    "premier", "pres", "presenter", "president", "presidential", "prime", "prince", "princess",
    "producer", "professor", "prosecutor", "provost", "pundit", "pvt", "queen", "rabbi",
    "rapper", "rep", "reporter", "representative", "republican", "researcher", "resident",
    "rev", "reverend", "scientist", "secretary", "sen", "senator", "sergeant", "sgt", "sheikh",
    "sheriff", "singer", "sister", "solicitor", "son", "speaker", "spokesman", "spokesperson",
    "spokeswoman", "star", "strategist", "student", "sultan", "superintendent", "supt",
    "surgeon", "teacher", "tory", "treasurer", "treasury", "trooper", "tycoon", "vice", "widow",
    "wife", "writer",
};

static const char *const org_words[] = {
    "administration", "agency", "airlines", "airways", "alliance", "army", "assembly",
    "association", "authority", "bank", "board", "broadcasting", "bureau", "cabinet",
    "campaign", "capital", "caucus", "center", "centre", "channel", "church", "club", "co",
    "coalition", "college", "commission", "committee", "company", "conference", "congress",
    "convention", "corp", "corporation", "council", "court", "department", "entertainment",
    "federation", "force", "forces", "foundation", "fund", "gazette", "government", "group",
    "guard", "guardian", "herald", "holdings", "hospital", "house", "inc", "industries",
    "institute", "institution", "journal", "kremlin", "league", "llc", "ltd", "magazine",
    "media", "ministry", "motors", "navy", "network", "news", "office", "organisation",
    "organization", "pac", "parliament", "partners", "party", "pentagon", "plc", "police",
    "post", "press", "project", "radio", "reuters", "review", "school", "senate", "service",
    "society", "state", "studios", "team", "telegraph", "television", "times", "tribune",
    "trust", "tv", "union", "university",
};

static const char *const male_words[] = {
    "aaron", "adam", "ahmed", "alan", "albert", "alejandro", "alex", "alexander", "alexei",
    "ali", "andrei", "andrew", "andy", "angelo", "angus", "anthony", "antonio", "arnold",
    "barack", "ben", "benjamin", "bernard", "bernie", "bill", "billy", "bob", "bobby", "boris",
    "brad", "bradley", "brandon", "brett", "brian", "bruce", "bryan", "carl", "carlos",
    "charles", "charlie", "chris", "christopher", "chuck", "clarence", "colin", "corey", "cory",
    "craig", "dan", "daniel", "danny", "darren", "dave", "david", "dennis", "derek", "dick",
    "dmitri", "dmitry", "dmytro", "don", "donald", "doug", "douglas", "duncan", "dwight", "ed",
    "eddie", "edward", "eli", "elijah", "elon", "emmanuel", "eric", "ernest", "evan",
    "fernando", "francois", "frank", "franklin", "fred", "frederick", "friedrich", "gary",
    "gavin", "george", "gerald", "giuseppe", "gordon", "graham", "greg", "gregory", "hakeem",
    "hans", "harold", "harry", "hassan", "helmut", "henry", "howard", "hunter", "ian",
    "ibrahim", "igor", "isaac", "ivan", "jack", "jacob", "jacques", "jair", "jake", "james",
    "jamie", "jared", "jason", "jeb", "jeff", "jeffrey", "jens", "jeremy", "jerome", "jerry",
    "jesse", "jim", "jimmy", "joe", "joel", "john", "johnny", "jon", "jonathan", "jordan",
    "jose", "joseph", "josh", "joshua", "juan", "jurgen", "justin", "keir", "keith", "ken",
    "kenneth", "kevin", "klaus", "kyle", "larry", "lawrence", "leon", "leonard", "liam",
    "lloyd", "louis", "lucas", "luis", "luke", "marc", "marco", "marcus", "mario", "mark",
    "martin", "matt", "matteo", "matthew", "michael", "miguel", "mike", "mikhail", "mitch",
    "mitt", "mohammed", "muhammad", "narendra", "nathan", "neil", "newt", "nicholas", "nick",
    "nicolas", "nigel", "noah", "olaf", "oleg", "oliver", "omar", "oscar", "pablo", "patrick",
    "paul", "pedro", "peter", "petro", "phil", "philip", "pierre", "rafael", "rahm", "ralph",
    "rand", "randy", "ray", "raymond", "recep", "reince", "richard", "rick", "rishi", "rob",
    "robert", "rodrigo", "roger", "roland", "ron", "ronald", "roy", "rudy", "russell", "ryan",
    "sadiq", "sam", "samuel", "scott", "sean", "sergei", "sergey", "seth", "shinzo", "silvio",
    "simon", "stephen", "steve", "steven", "stuart", "ted", "terry", "thomas", "tim", "timothy",
    "todd", "tom", "tommy", "tony", "travis", "trevor", "tucker", "tyler", "viktor", "vince",
    "vincent", "vitali", "vladimir", "volodymyr", "walter", "wayne", "william", "wolfgang",
    "xavier", "yevgeny", "yusuf", "zach", "zachary",
};

static const char *const female_words[] = {
    "abigail", "alexandra", "alexis", "alice", "alison", "allison", "amanda", "amber", "amy",
    "andrea", "angela", "angelina", "ann", "anna", "annalena", "anne", "annie", "barbara",
    "betsy", "betty", "beverly", "brenda", "bridget", "brittany", "carly", "carol", "caroline",
    "carolyn", "catherine", "cathy", "charlotte", "chelsea", "cheryl", "christina", "christine",
    "cindy", "claire", "clara", "claudia", "colleen", "condoleezza", "courtney", "cynthia",
    "daisy", "dana", "danielle", "debbie", "deborah", "debra", "denise", "diana", "diane",
    "donna", "dorothy", "elaine", "eleanor", "elise", "elizabeth", "ellen", "emily", "emma",
    "erica", "erin", "eva", "evelyn", "fiona", "frances", "gillian", "gina", "giorgia",
    "gloria", "grace", "hannah", "harriet", "heather", "heidi", "helen", "hillary", "holly",
    "huma", "ilhan", "irene", "ivanka", "jacinda", "jackie", "jacqueline", "jane", "janet",
    "janice", "jennifer", "jenny", "jessica", "jill", "joan", "joanna", "jodi", "joni", "joy",
    "joyce", "judith", "judy", "julia", "julie", "june", "kaja", "kamala", "karen", "kate",
    "katherine", "kathleen", "kathryn", "kathy", "katie", "kayleigh", "keiko", "kelly",
    "kellyanne", "kirsten", "kristen", "laura", "lauren", "leslie", "lisa", "liz", "lori",
    "louise", "lucy", "lynn", "maggie", "marcia", "margaret", "maria", "marie", "marilyn",
    "marine", "marion", "martha", "mary", "maxine", "megan", "melania", "melissa", "michelle",
    "mika", "monica", "nancy", "naomi", "natalie", "nicola", "nicole", "nikki", "nina",
    "olivia", "pam", "pamela", "patricia", "patty", "paula", "pauline", "penny", "priti",
    "rachel", "rebecca", "rita", "rosa", "rose", "ruth", "sally", "samantha", "sandra", "sanna",
    "sarah", "sharon", "sheila", "shirley", "sonia", "sophie", "stacey", "stephanie", "sue",
    "susan", "suzanne", "tamara", "tammy", "teresa", "theresa", "tiffany", "tina", "tracy",
    "tulsi", "ursula", "valerie", "vanessa", "veronica", "victoria", "virginia", "wendy",
    "yulia", "yvonne", "zoe",
};

static const char *const stop_words[] = {
    "a", "about", "according", "after", "again", "ahead", "all", "already", "also", "although",
    "amid", "among", "an", "and", "another", "any", "april", "as", "asked", "at", "august",
    "because", "before", "both", "but", "by", "currently", "december", "despite", "during",
    "each", "earlier", "either", "even", "every", "february", "few", "finally", "first",
    "following", "for", "friday", "from", "given", "he", "her", "here", "hers", "him", "his",
    "how", "however", "i", "if", "in", "indeed", "initially", "instead", "it", "its", "january",
    "july", "june", "just", "last", "later", "like", "many", "march", "may", "meanwhile",
    "monday", "more", "most", "mostly", "much", "my", "neither", "next", "no", "nor", "not",
    "november", "now", "october", "of", "on", "once", "one", "only", "or", "other", "our",
    "over", "overall", "perhaps", "rather", "recently", "saturday", "second", "september",
    "several", "she", "shortly", "since", "so", "some", "sources", "speaking", "still", "such",
    "sunday", "than", "that", "the", "their", "them", "then", "there", "these", "they", "third",
    "this", "those", "though", "through", "thursday", "thus", "to", "today", "tomorrow",
    "tonight", "too", "tuesday", "under", "unlike", "until", "up", "upon", "us", "we",
    "wednesday", "what", "whatever", "when", "where", "whether", "which", "while", "who",
    "whom", "whose", "why", "with", "within", "without", "yes", "yesterday", "yet", "you",
    "your",
};

static const char *const adverb_words[] = {
    "again", "already", "also", "always", "angrily", "are", "bluntly", "could", "did",
    "directly", "do", "does", "earlier", "even", "famously", "finally", "first", "flatly",
    "further", "had", "has", "have", "herself", "himself", "immediately", "initially", "is",
    "itself", "just", "later", "may", "might", "must", "never", "not", "often", "once", "only",
    "openly", "personally", "previously", "privately", "publicly", "quickly", "quietly",
    "recently", "repeatedly", "reportedly", "separately", "should", "simply", "still",
    "subsequently", "themselves", "then", "was", "were", "will", "would",
};

static const char *const clause_words[] = {
    "after", "although", "and", "as", "because", "before", "but", "how", "if", "nor", "or",
    "since", "so", "than", "that", "though", "unless", "until", "what", "when", "where",
    "whether", "which", "while", "who", "whom", "whose", "why",
};

static const char *const determiner_words[] = {
    "a", "an", "another", "any", "both", "each", "every", "five", "four", "her", "his", "its",
    "many", "my", "no", "one", "our", "several", "some", "the", "their", "these", "this",
    "those", "three", "two", "your",
};

static const char *const work_words[] = {
    "album", "anthem", "article", "ballad", "blog", "book", "chapter", "column", "documentary",
    "drama", "editorial", "entitled", "episode", "essay", "exhibition", "film", "game",
    "headline", "hit", "magazine", "memoir", "movie", "musical", "newsletter", "newspaper",
    "novel", "opera", "painting", "paper", "play", "podcast", "poem", "program", "programme",
    "report", "series", "show", "single", "sitcom", "song", "title", "titled", "track", "tune",
    "video",
};

static const char *const elision_words[] = {
    "bout", "cause", "cept", "cos", "em", "gainst", "n", "nother", "round", "til", "tis",
    "twas",
};

static const char *const connector_words[] = {
    "al", "bin", "da", "de", "del", "della", "der", "di", "dos", "du", "el", "ibn", "la", "le",
    "van", "von",
};

static const char *const female_title_words[] = {
    "actress", "businesswoman", "chairwoman", "congresswoman", "councilwoman", "countess",
    "dame", "daughter", "duchess", "lady", "madam", "miss", "mme", "mother", "mrs", "ms",
    "princess", "queen", "sister", "spokeswoman", "widow", "wife",
};

static const char *const male_title_words[] = {
    "brother", "businessman", "chairman", "congressman", "councilman", "count", "duke",
    "emperor", "father", "husband", "king", "lord", "mr", "prince", "sir", "son", "spokesman",
    "sultan",
};

typedef struct word_list {
    const char *const *words;
    size_t count;
} word_list;

#define LIST(a) {a, BCI_ARRAY_LEN(a)}

static const word_list lists[BCI_LIST_COUNT] = {
    [BCI_LIST_CUE] = LIST(cue_words),
    [BCI_LIST_CUE_WEAK] = LIST(cue_weak_words),
    [BCI_LIST_PARTICIPLE] = LIST(participle_words),
    [BCI_LIST_HONORIFIC] = LIST(honorific_words),
    [BCI_LIST_ROLE] = LIST(role_words),
    [BCI_LIST_ORG] = LIST(org_words),
    [BCI_LIST_MALE] = LIST(male_words),
    [BCI_LIST_FEMALE] = LIST(female_words),
    [BCI_LIST_STOP] = LIST(stop_words),
    [BCI_LIST_ADVERB] = LIST(adverb_words),
    [BCI_LIST_CLAUSE] = LIST(clause_words),
    [BCI_LIST_DETERMINER] = LIST(determiner_words),
    [BCI_LIST_WORK] = LIST(work_words),
    [BCI_LIST_ELISION] = LIST(elision_words),
    [BCI_LIST_CONNECTOR] = LIST(connector_words),
};

static int compare(const void *key, const void *entry)
{
    return strcmp(key, *(const char *const *)entry);
}

/* Lower-cases `length` bytes of `word` into `lower` (without a final full
 * stop); false when the word is too long to be in any list. */
static bool lower_copy(const char *word, size_t length, char lower[MAX_WORD + 1])
{
    if (length > 0 && word[length - 1] == '.')
        length--;
    if (length == 0 || length > MAX_WORD)
        return false;
    for (size_t i = 0; i < length; i++) {
        char c = word[i];
        lower[i] = (char)((c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c);
    }
    lower[length] = '\0';
    return true;
}

static bool in_array(const char *const *words, size_t count, const char *lower)
{
    return bsearch(lower, words, count, sizeof *words, compare) != NULL;
}

bool bci_word_in(bci_list list, const char *word, size_t length)
{
    char lower[MAX_WORD + 1];
    if ((unsigned)list >= BCI_LIST_COUNT || !lower_copy(word, length, lower))
        return false;
    return in_array(lists[list].words, lists[list].count, lower);
}

bool bci_tok_in(const bci_text *t, size_t i, bci_list list)
{
    if (i >= t->count || !(t->tokens[i].flags & BCI_TOK_WORD))
        return false;
    size_t length;
    const char *word = bci_tok_text(t, i, &length);
    return bci_word_in(list, word, length);
}

const char *const *bci_word_list(bci_list list, size_t *count)
{
    if ((unsigned)list >= BCI_LIST_COUNT) {
        *count = 0;
        return NULL;
    }
    *count = lists[list].count;
    return lists[list].words;
}

bc_gender bci_word_gender(const char *word, size_t length)
{
    char lower[MAX_WORD + 1];
    if (!lower_copy(word, length, lower))
        return BC_GENDER_UNKNOWN;
    if (in_array(male_title_words, BCI_ARRAY_LEN(male_title_words), lower) ||
        in_array(male_words, BCI_ARRAY_LEN(male_words), lower))
        return BC_GENDER_MALE;
    if (in_array(female_title_words, BCI_ARRAY_LEN(female_title_words), lower) ||
        in_array(female_words, BCI_ARRAY_LEN(female_words), lower))
        return BC_GENDER_FEMALE;
    return BC_GENDER_UNKNOWN;
}
