// Package parse reads news articles and finds their temporal expressions:
// every date, time, duration, set and vague reference in the body, with
// its byte offsets, its TIMEX3 value and, where it can be placed on the
// calendar, an [Interval] with a [Granularity].
//
// # Finding expressions
//
// An [Extractor] is built once with [NewExtractor] and may be shared by
// goroutines. [Extractor.Extract] tokenises the body once. Every word of
// up to 16 ASCII letters is looked up in a lexicon with one probe of a
// perfect hash table, keyed by the word's lower-cased bytes read eight at
// a time, with no loop over the letters and no branch on the answer. The
// lexicon also holds the words the sentence rules read: the page
// furniture scan's trigger words and the tense words, so the token tells
// them apart and no later pass looks a word up again. The tokenizer also
// lists where sentences may end (line feeds, '.', '!', '?', "…"), which
// the sentence splitter reads instead of searching the text; a sentence
// with none of the furniture words that can make it furniture (a class
// bit of their tokens) is not scanned word by word at all.
// Only tokens in the trigger classes (weekday and month names, numbers,
// units such as "week", deictics such as "today", set words such as
// "weekly") start the rules. Most numbers in news are counts and amounts
// ("15 people", "1.5 billion"): a number other than four digits starts
// them only when the token after it is a month or unit word, a word that
// a number rule reads next ("pm", "th", "of", "straight", …) or a ':',
// '.', '-' or '/' joining it to the next token, or when it is "Q3" or
// "'82"; the rest cost a few comparisons of token classes. The rules then
// read a few tokens to the left
// ("last", "early", "the past", "nearly") and to the right ("ago",
// "later", ", 2024", "UTC"). Clock times ("16:08", "5 p.m.") are matched
// with olebedev/when's HourMinute and Hour rules on a small window around
// the trigger (the common shapes of window are read directly, with the
// rules' answer: a test compares them on every such shape); the date they
// fall on, their zone and everything else are this package's own rules. Expressions in page furniture (newsletter and
// app boilerplate, as flagged by [Segments]) are returned with
// Mention.Furniture set. The extent follows TIMEX3: prepositions ("on",
// "in") are left out; determiners and modifiers that change the value
// ("the", "last", "early", "nearly", "more than") are kept.
//
// # Zone
//
// Every relative expression is resolved against the publication day in
// the article's zone ([Article.PubDay]): the same instant published in
// Sydney and in New York may be Wednesday in one and Tuesday in the other,
// and "Wednesday" resolves differently. Intervals are half-open ranges in
// that zone with the values time.Date and AddDate give, so a day across a
// daylight-saving change is 23 or 25 hours long and still runs midnight to
// midnight. (A day in the zone period of the publication day, the same
// offset, is computed from its civil day number and that offset, as
// time.Date does; any other day takes time.Date itself.) A date-only
// publication has no hour and none is invented.
// Clock times carry the zone they name ("4.20pm ET" is
// 2025-12-03T16:20-05:00, "0117 GMT" is 2025-12-03T01:17Z, "1:30 a.m.
// IST" is +05:30 — India —, "3 p.m. Ottawa time" the zone of a city or
// one-zone country of the built-in list, "8 p.m. Eastern time" a North
// American zone; an unknown capitalised abbreviation such as "NPT" stays in
// the extent without an offset). A clock time falls on the day written
// next to it ("9:30 a.m. EST on Wednesday", "5 p.m. EDT Monday", "on
// Tuesday at 14:30", "3 p.m. on Feb. 17"; the day is a mention of its own,
// which the timeline joins into one phrase), or on the day of a clock
// time next to it that restates it in another zone ("3 p.m. Ottawa time,
// or 1:30 a.m. IST on Wednesday"). Otherwise a clock time falls on the
// publication day — except that when the publication has an hour
// (Article.DateOnly false), a past clause's clock time later than the
// publication instant is on the day before ("the quake hit at 11:40
// p.m." in a paper of 10:15 a.m.) and a future clause's one earlier than
// it on the day after. "Every day at 7 a.m." and "every weekday at noon"
// are sets (XXXX-XX-XXT07:00, XXXX-WXX-XT12:00). "local time" is the zone of a place the
// sentence names, else of the dateline (front matter, or an upper-case
// line such as "WASHINGTON" or "TRUJILLO, Peru" at the top of the body,
// any comma-separated part), from a built-in list of newsroom cities and
// one-zone countries; a time with no zone, or a local time with no known
// place, has no offset in its value and is placed in the article's zone. An undated article (Article.Undated, or Options.NoResolve)
// keeps its relative expressions with X-filled values (XXXX-WXX-5,
// XXXX-XX) and a zero interval; absolute dates are still resolved.
//
// # Tense
//
// The clause around the expression decides the direction, not the
// sentence's first verb: the nearest signal to the left of the expression
// wins, or to the right when the expression opens its clause ("On
// Tuesday, Putin accused …"). Future signals: will, 'll, shall, would,
// could/may/might/should (not followed by "have"), going/due/set/
// scheduled/expected/plans/is … to, to be + participle, scheduled for, as
// soon as, until, ahead of, is + -ing, a present verb of wanting with a
// short object before "to" ("analysts expect him to speak", "want the
// talks to"), and a headline's "X to <verb>" when nothing else decides.
// Past signals: past-tense and perfect verb groups (said, met, was held,
// has resigned, "the quake hit" — a verb whose past is its base form
// counts only without an auxiliary), ago, earlier. A passive participle
// after "be" defers to the auxiliary before it ("will be held" is
// future); an -ed word after a determiner is an adjective, no signal ("a
// televised debate"). Mention.Signal keeps the deciding words and
// Mention.Rule the rule that matched.
//
// Present tense is no future signal in general: reporting verbs ("says",
// "tells", a headline's "Trump says …") and present-tense headlines, which
// news writes for past events ("Storm closes schools on Monday"), leave
// the past default. The exception is the present simple of a verb of a
// scheduled action in a full sentence (one ending in a full stop):
// resumes, opens, begins, starts, ends, expires, closes, convenes,
// concludes, meets, votes, arrives, departs, returns, holds, hosts,
// faces, plays, airs, launches, takes place/effect, gets under way, goes
// ahead, runs until, kicks off — "Debate resumes at 9:30 a.m. on
// Wednesday", "Polls open on Sunday" are future, because news writes
// the present simple of such verbs for timetables. The base form counts
// only after a plural subject or a pronoun ("Polls open", not "year
// end"), never after "to", an auxiliary or a determiner.
//
// A plan stated in the past looks back: "had been scheduled for", "was
// due to", "was scheduled to", "had been expected to", "was expected on"
// are past clauses (the plan may have failed or moved; "is now due", "were
// now due to" stay future), and a date after "to"/"until" governed by a
// rescheduling verb ("postponed the verdict to March 20", "was moved to
// May 31") is a new target, future. With either, a day and month without
// a year is the nearest such date, before or after the publication.
//
//   - A bare weekday is the latest such day on or before the publication
//     day in a past or present clause or with no signal (news mostly looks
//     back), the earliest on or after it in a future clause; the
//     publication weekday is the publication day itself. "last W" and
//     "next W" are W in the previous and next ISO week, "this W" in the
//     current one.
//   - A month without a year is the latest such month on or before the
//     publication month (past, present, no signal) or the earliest on or
//     after it (future); "last March"/"next March" exclude the current
//     month. A month and day without a year follow the same rule in past
//     and future clauses; with no signal or in a present clause they are
//     the nearest such date. Quarters, halves and seasons without a year work like
//     months.
//   - "this week", "earlier this week", "later this week" are the
//     publication day's ISO week; "last month", "later this month",
//     "next year", "the last quarter" shift by the unit and keep its
//     granularity. "two weeks ago" counts back from the publication day;
//     "two days later", "the day before", "the same day", "the day" count
//     from the last date the text mentioned (Mention values placed on the
//     calendar, outside furniture, not bounds after "since").
//
// # Granularity
//
// A value keeps the precision of what was written: "Tuesday" is a day
// (2025-12-02), "this week" an ISO week (2025-W49), "the weekend" a
// weekend (2025-W48-WE), "last month" a month (2025-11), "the fourth
// quarter" a quarter (2025-Q4), "the first half of 2025" a half (2025-H1),
// "this summer" a season (2025-SU), "2024" a year, "the 1990s" a decade
// (199), "the 20th century" a century (19), "this morning" a part of day
// (2025-12-03TMO), "16:08 UTC" a minute. "N days/weeks ago" lands on a day,
// "N months ago" on a month, "N years ago" on a year. Durations ("five
// hours" PT5H, "three-and-a-half year" P3.5Y, "the past decade" P10Y) have a
// length and an optional TIMEX3 mod (APPROX for "nearly"/"about",
// MORE_THAN for "more than"/"over", LESS_THAN, EQUAL_OR_MORE for "at
// least"), never a date. Sets ("every Friday" XXXX-WXX-5, "weekly" P1W,
// "twice a week" P1W with freq 2X) and vague references (PRESENT_REF,
// PAST_REF, FUTURE_REF) have no interval. Edge modifiers ("early 2009",
// "mid-March", "the end of the year") keep the whole unit, set the mod
// (START, MID, END) and mark the interval Approx.
package parse
