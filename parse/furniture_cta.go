package parse

// Calls to action addressed to the reader: "Follow X on WhatsApp",
// "Subscribe to the podcast on Spotify", "Forward this email to a
// colleague", "Sign up for alerts", "Get the latest updates on Telegram",
// and the publication schedule of a newsletter ("The Dispatch is
// published every weekday at noon"). The verb must be an imperative (the
// first word of the sentence or of a clause) and a platform or channel
// must follow it, so news about the platforms stays news: "WhatsApp was
// fined on Tuesday", "Telegram founder Pavel Durov was arrested in
// August", "Share prices of Facebook owner Meta fell on Monday".

// ctaMask is the set of imperative verbs that open a call to action, as
// a trigger-word mask (the cheap gate before the text is read).
var ctaMask = func() (m [3]uint64) {
	for _, id := range [...]uint8{wFollow, wSubscribe, wForward, wShare, wListen, wJoin, wWatch, wDownload, wGet, wSign} {
		m[id>>6] |= 1 << (id & 63)
	}
	return m
}()

// ctaWord is one ASCII word of a segment, lower-cased into buf.
type ctaWord struct {
	w      string // lower case
	raw    string // as written
	clause bool   // first word of the sentence or of a clause
	hyph   bool   // a hyphen right after it: "Follow-up"
	prep   bool   // the word before it is "on", "via" or "in"
}

// clauseAfter returns whether a clause starts after text[i], a byte that
// is no ASCII letter, for ctaWords: after ',', ';', ':', '|', '(', a
// dash (" - ", "–", "—") or a sentence stop, not after an apostrophe, a
// hyphen or a digit (inside a word or a number: "Follow-up", "it's",
// "7"); any other byte leaves clause as it is.
func clauseAfter(text string, i int, clause bool) bool {
	switch c := text[i]; {
	case c == ',' || c == ';' || c == ':' || c == '|' || c == '(':
		return true
	case c == 0xE2 && i+2 < len(text) && text[i+1] == 0x80 && (text[i+2] == 0x93 || text[i+2] == 0x94):
		return true // – —
	case c == '-' && i+1 < len(text) && text[i+1] == ' ':
		return true
	case c == '.' || c == '!' || c == '?':
		return true
	case c == '\'' || c == '-' || (c >= '0' && c <= '9'):
		return false
	}
	return clause
}

// maxCTAWords bounds the words callToAction looks at (segments it sees
// are at most maxScan bytes).
const maxCTAWords = 48

// ctaWords splits text into its ASCII words. A clause starts at the
// beginning, after ',', ';', ':', '|', a dash or "please", and after a
// bullet.
func ctaWords(text string, buf *[maxCTAWords]ctaWord) []ctaWord {
	ws := buf[:0]
	clause, prep := true, false
	for i := 0; i < len(text) && len(ws) < len(buf); {
		c := text[i]
		if !isLetter(c) {
			clause = clauseAfter(text, i, clause)
			i++
			continue
		}
		j := i
		for j < len(text) && isLetter(text[j]) {
			j++
		}
		raw, w := text[i:j], text[i:j]
		for k := 0; k < len(raw); k++ {
			if raw[k] < 'a' {
				w = foldKnown(raw)
				break
			}
		}
		ws = append(ws, ctaWord{w: w, raw: raw, clause: clause, prep: prep, hyph: j < len(text) && text[j] == '-'})
		clause = w == "please"
		prep = w == "on" || w == "via" || w == "in"
		i = j
	}
	return ws
}

// ctaKnown lists, in lower case, every word the call-to-action rules
// compare against.
var ctaKnown = [...]string{
	"please", "on", "via", "in", "sign", "up", "follow", "listen", "subscribe", "join", "download", "forward", "share",
	"this", "it", "the", "our", "to", "with", "get", "watch", "latest", "published", "every",
	"whatsapp", "telegram", "twitter", "facebook", "instagram", "youtube", "tiktok", "linkedin", "snapchat",
	"bluesky", "mastodon", "spotify", "podcast", "podcasts", "email", "emails", "newsletter", "newsletters",
	"x", "threads", "signal", "e", "mail", "app", "apps", "channel", "feed", "alerts", "friend", "friends",
	"colleague", "colleagues", "day", "weekday", "weekdays", "morning", "afternoon", "evening", "night", "week",
	"weekend", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "other",
}

// foldKnown returns the lower-case form of raw when it is one of
// ctaKnown (in any case), else raw: a word with capitals that is not
// known matches no rule either way, and no string is built.
func foldKnown(raw string) string {
	if len(raw) >= len(ctaKnownByLen) {
		return raw
	}
	for _, k := range ctaKnownByLen[len(raw)] {
		if raw[0]|0x20 == k[0] && hasPrefixFold(raw, k) {
			return k
		}
	}
	return raw
}

// ctaKnownByLen holds the words of ctaKnown by length (a constant table):
// foldKnown compares a word only with those of its length.
var ctaKnownByLen = func() (t [16][]string) {
	for _, k := range ctaKnown {
		t[len(k)] = append(t[len(k)], k)
	}
	return t
}()

// callToAction reports whether text holds an imperative call to follow,
// subscribe to, forward, share, listen to, join, watch, download or get
// something on a platform or by e-mail, or to sign up.
func callToAction(text string) bool {
	var buf [maxCTAWords]ctaWord
	ws := ctaWords(text, &buf)
	for i, v := range ws {
		if !v.clause || v.hyph || i+1 >= len(ws) {
			continue // not an imperative; "Follow-up talks": a compound
		}
		next := ws[i+1].w
		switch v.w {
		case "sign":
			if next == "up" {
				return true
			}
		case "follow", "listen":
			if platformAfter(ws[i+1:], false) {
				return true
			}
		case "subscribe", "join", "download":
			if platformAfter(ws[i+1:], false) || appAfter(ws[i+1:]) {
				return true
			}
		case "forward":
			switch next {
			case "this", "it", "the", "our", "to":
				if mailAfter(ws[i+1:]) {
					return true
				}
			}
		case "share":
			switch next {
			case "this", "it", "the", "on", "via", "with":
				if platformAfter(ws[i+1:], true) {
					return true
				}
			}
		case "get", "watch":
			if platformAfter(ws[i+1:], true) || (v.w == "get" && latestAfter(ws[i+1:])) {
				return true
			}
		}
	}
	return false
}

// platformAfter reports whether ws names a social network, a podcast
// app, a newsletter or e-mail; with needPrep, only after "on",
// "via" or "in" ("on WhatsApp", "via email").
func platformAfter(ws []ctaWord, needPrep bool) bool {
	for k, v := range ws {
		if needPrep && !v.prep {
			continue
		}
		switch v.w {
		case "whatsapp", "telegram", "twitter", "facebook", "instagram", "youtube", "tiktok", "linkedin", "snapchat",
			"bluesky", "mastodon", "spotify", "podcast", "podcasts", "email", "emails", "newsletter", "newsletters":
			return true
		case "x", "threads", "signal":
			if v.raw[0] >= 'A' && v.raw[0] <= 'Z' && v.prep {
				return true // "on X", "on Threads": the capital and "on" make it the network
			}
		case "e":
			if k+1 < len(ws) && ws[k+1].w == "mail" {
				return true
			}
		}
	}
	return false
}

// appAfter reports whether ws names an app, a channel or a feed: what one
// subscribes to, joins or downloads.
func appAfter(ws []ctaWord) bool {
	for _, v := range ws {
		switch v.w {
		case "app", "apps", "channel", "feed", "alerts":
			return true
		}
	}
	return false
}

// mailAfter reports whether ws names what one forwards to a reader: an
// e-mail, a newsletter, or "a friend"/"a colleague".
func mailAfter(ws []ctaWord) bool {
	for k, v := range ws {
		switch v.w {
		case "email", "newsletter", "friend", "friends", "colleague", "colleagues":
			return true
		case "e":
			if k+1 < len(ws) && ws[k+1].w == "mail" {
				return true
			}
		}
	}
	return false
}

// latestAfter reports whether ws says "the latest" ("Get the latest news
// from …", "Get all the latest updates").
func latestAfter(ws []ctaWord) bool {
	for k := 0; k < len(ws) && k < 3; k++ {
		if ws[k].w == "latest" {
			return true
		}
	}
	return false
}

// publishedEvery reports whether text states a publication schedule at
// its end: "… is published every weekday at noon", "… published every
// Friday morning". A statement deep in a sentence ("figures published
// every month by the statistics office showed …") is news.
func publishedEvery(text string) bool {
	var buf [maxCTAWords]ctaWord
	ws := ctaWords(text, &buf)
	for i := 0; i+2 < len(ws); i++ {
		if ws[i].w != "published" || ws[i+1].w != "every" || len(ws)-i > 7 {
			continue
		}
		switch ws[i+2].w {
		case "day", "weekday", "weekdays", "morning", "afternoon", "evening", "night", "week", "weekend",
			"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "other":
			return true
		}
	}
	return false
}
