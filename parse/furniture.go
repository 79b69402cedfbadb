package parse

import (
	"math/bits"
	"strings"
)

// Page furniture: the parts of a scraped news page that are not the
// story. The rules look at words, not at outlets: call-to-action phrases
// in the first or second person ("download our app", "sign up now", "your
// inbox", "please support us"), navigation and sharing ("Read more",
// "Share this"), read-time and publication labels ("5 min read",
// "Published"), photo credits ("Name / Agency", "Source: …"), legal lines
// (copyright, privacy policy, cookies), menu-like runs of short lines,
// repeated lines, and the run of such paragraphs that closes many pages.
// A bare noun is never enough on its own in a long sentence: "Netflix
// added 5 million subscribers" and "the company changed its privacy
// policy last year" are news.

// Reasons a segment is furniture (Segment.Reason).
const (
	reasonPromotion  = "promotion"
	reasonNavigation = "navigation"
	reasonLabel      = "label"
	reasonCredit     = "credit"
	reasonReadTime   = "read time"
	reasonLegal      = "legal"
	reasonMenu       = "menu"
	reasonRepeat     = "repeat"
	reasonTail       = "tail"
)

// Paragraph rules (paraInfo.rule).
const (
	paraMenu uint8 = iota + 1
	paraPromotion
)

// Trigger words, looked up once per word of the body. The commonest
// function words ("the", "to", "of", …) are not triggers: in a phrase
// they are wAny, which matches any one word.
const (
	wAny  uint8 = 255
	wNone uint8 = iota
	wAlready
	wAlso
	wAgree
	wApp
	wApps
	wArticles
	wBack
	wBecome
	wBy
	wClick
	wComment
	wComments
	wContent
	wContinue
	wContribution
	wCookie
	wCookies
	wCopyright
	wDaily
	wDate
	wDear
	wDirect
	wDonate
	wDonation
	wDownload
	wEmail
	wEvery
	wFollow
	wFree
	wGet
	wGoogle
	wHelp
	wHere
	wHome
	wInbox
	wInformed
	wLast
	wLatest
	wLater
	wLeave
	wListen
	wLive
	wLog
	wLogin
	wMailbox
	wMain
	wMake
	wMe
	wMember
	wMenu
	wMin
	wMins
	wMinute
	wMinutes
	wMiss
	wMore
	wMost
	wNeed
	wNever
	wNewsletter
	wNewsletters
	wNext
	wNot
	wNow
	wNum
	wOur
	wPlay
	wPlease
	wPodcast
	wPodcasts
	wPolicy
	wPopular
	wPreview
	wPrint
	wPrivacy
	wRead
	wReaders
	wReading
	wReady
	wRelated
	wRemind
	wReserved
	wRights
	wSearch
	wSee
	wService
	wShare
	wSign
	wSignup
	wSkip
	wSponsored
	wStanding
	wStay
	wStore
	wStories
	wSubscribe
	wSubscriber
	wSubscribers
	wSubscribing
	wSupport
	wSupporting
	wTap
	wTerms
	wThank
	wToday
	wTop
	wTrending
	wTweet
	wUp
	wUpdates
	wUs
	wUse
	wVia
	wWatch
	wWe
	wWeekly
	wYou
	wYour
	wConditions
	wAdvertisement
	wPublished
	wUpdated
	wPosted
	wSource
	wSources
	wPhoto
	wPhotograph
	wImage
	wPicture
	wCredit
	wCredits
	wOurs
	wYours
	wJoin
	wThis
	wOn
	wWith
	wFirst
	wModified
	wForward
	nWords
)

// functionWord reports whether a trigger word is too common to start a
// phrase search on its own: every phrase holds at least one other word.
func functionWord(id uint8) bool {
	switch id {
	case wBy, wUp, wMe, wUs, wWe, wYou, wThis, wOn, wWith,
		wNot, wNow, wHere, wMore, wMost, wAlso, wGet, wMake, wBack, wMain, wNext, wEvery, wPlease,
		wNeed, wNever, wLast, wDate, wVia, wLive, wUse, wNum, wOur, wYour, wOurs, wYours, wFree,
		wDaily, wWeekly, wToday, wLater, wAlready, wBecome:
		return true
	}
	return false
}

// functionWords marks the trigger ids functionWord reports (a constant
// table: one load instead of the switch).
var functionWords = func() (t [256]bool) {
	for id := range t {
		t[id] = functionWord(uint8(id))
	}
	return t
}()

// triggerLens holds, for each pair of first letters (a..z, then 26 for a
// one-letter word) at index first*32+second, a bit per length of the
// trigger words that start with them: a word that fails it is no trigger.
var triggerLens = [32 * 32]uint32{
	3: 0x2000, 6: 0x20, 11: 0x90, 15: 0x18, 17: 0x100, 32: 0x10,
	36: 0x40, 56: 0x4, 75: 0x20, 78: 0x17c0, 81: 0xc0, 96: 0x30,
	100: 0x10, 104: 0x40, 110: 0x340, 136: 0x20, 139: 0x40, 140: 0x20,
	149: 0x20, 154: 0x2, 168: 0xb0, 174: 0xd0, 177: 0x10, 196: 0x8,
	206: 0x40, 228: 0x10, 238: 0x10, 268: 0x60, 269: 0x120, 302: 0x10,
	352: 0x70, 356: 0x20, 360: 0x50, 366: 0x28, 384: 0x90, 388: 0xd4,
	392: 0xd8, 398: 0x110, 420: 0xc30, 424: 0x10, 430: 0x8, 461: 0xc,
	468: 0x18, 487: 0x460, 488: 0x180, 491: 0x50, 494: 0x1c0, 497: 0xa0,
	500: 0x200, 548: 0x1f0, 552: 0x40, 580: 0xe8, 583: 0x20, 584: 0x58,
	586: 0x10, 590: 0xc0, 591: 0x200, 595: 0x1b0, 596: 0xe80, 608: 0x8,
	612: 0x28, 615: 0x70, 622: 0x28, 625: 0x100, 630: 0x68, 655: 0x84,
	658: 0xc, 680: 0x8, 704: 0x20, 708: 0x44, 712: 0x10, 782: 0x38,
}

// Phrase classes.
const (
	cPromo uint8 = iota + 1
	cNav
	cLegal
	cLegalStrong
	cNavWord
	cReadTime
)

// phrase is a run of consecutive trigger words.
type phrase struct {
	w     [5]uint8
	n     uint8
	class uint8
}

func ph(class uint8, ws ...uint8) phrase {
	p := phrase{class: class, n: uint8(len(ws))}
	copy(p.w[:], ws)
	return p
}

// phraseTable is the read-only table of furniture phrases.
var phraseTable = [...]phrase{
	// promotion: apps, newsletters, subscriptions, donations
	ph(cPromo, wDownload, wOur, wApp), ph(cPromo, wDownload, wOur, wApps), ph(cPromo, wDownload, wAny, wApp),
	ph(cPromo, wGet, wAny, wApp), ph(cPromo, wOur, wApp), ph(cPromo, wOur, wApps),
	ph(cPromo, wSign, wUp, wNow), ph(cPromo, wSign, wUp, wHere),
	ph(cPromo, wSign, wUp, wAny, wOur), ph(cPromo, wSign, wUp, wFree),
	ph(cPromo, wSign, wUp, wAny, wFree), ph(cPromo, wSignup), ph(cPromo, wSubscribe, wAny, wOur), ph(cPromo, wSubscribe, wNow),
	ph(cPromo, wSubscribe, wHere), ph(cPromo, wSubscribe, wToday), ph(cPromo, wBy, wSubscribing),
	ph(cPromo, wSubscribers, wAgree), ph(cPromo, wAlready, wAny, wSubscriber), ph(cPromo, wBecome, wAny, wSubscriber),
	ph(cPromo, wBecome, wAny, wMember), ph(cPromo, wOur, wNewsletter), ph(cPromo, wOur, wNewsletters),
	ph(cPromo, wWeekly, wNewsletter), ph(cPromo, wDaily, wNewsletter), ph(cPromo, wFree, wNewsletter),
	ph(cPromo, wNewsletter, wSign), ph(cPromo, wYour, wInbox), ph(cPromo, wYour, wMailbox), ph(cPromo, wEmail, wUpdates),
	ph(cPromo, wDirect, wAny, wYour), ph(cPromo, wMake, wAny, wDonation), ph(cPromo, wYour, wDonation),
	ph(cPromo, wSupport, wUs), ph(cPromo, wSupport, wOur), ph(cPromo, wYour, wSupport), ph(cPromo, wPlease, wSupport),
	ph(cPromo, wEvery, wContribution), ph(cPromo, wWe, wNeed, wYour, wHelp), ph(cPromo, wDear, wReaders),
	ph(cPromo, wStanding, wWith, wUs), ph(cPromo, wThank, wYou, wAny, wReading), ph(cPromo, wThank, wYou, wAny, wSupporting),
	ph(cPromo, wBy, wSupporting), ph(cPromo, wListen, wAny, wOur), ph(cPromo, wOur, wPodcast), ph(cPromo, wOur, wPodcasts),
	ph(cPromo, wGet, wAny, wLatest), ph(cPromo, wNever, wMiss),
	ph(cPromo, wStay, wInformed), ph(cPromo, wStay, wUp, wAny, wDate), ph(cPromo, wWatch, wAny, wLatest),
	ph(cPromo, wWatch, wOn), ph(cPromo, wWatch, wLive), ph(cPromo, wJoin, wUs), ph(cPromo, wFollow, wUs),
	ph(cPromo, wForward, wThis, wEmail), ph(cPromo, wForward, wThis, wNewsletter),
	// navigation and sharing
	ph(cNav, wRead, wMore), ph(cNav, wRead, wAlso), ph(cNav, wAlso, wRead), ph(cNav, wRead, wNext), ph(cNav, wSee, wAlso),
	ph(cNav, wRelated, wStories), ph(cNav, wRelated, wArticles), ph(cNav, wMore, wStories), ph(cNav, wMost, wRead),
	ph(cNav, wMost, wPopular), ph(cNav, wTrending, wNow), ph(cNav, wClick, wHere), ph(cNav, wTap, wHere), ph(cNav, wSkip, wAny, wContent), ph(cNav, wSkip, wAny, wMain),
	ph(cNav, wBack, wAny, wTop), ph(cNav, wMain, wMenu), ph(cNav, wShare, wThis), ph(cNav, wShare, wOn), ph(cNav, wShare, wVia),
	ph(cNav, wLeave, wAny, wComment), ph(cNav, wPrint, wThis), ph(cNav, wRemind, wMe, wLater), ph(cNav, wNot, wReady, wAny),
	ph(cNav, wContinue, wReading), ph(cNav, wSponsored, wContent),
	ph(cNav, wAdvertisement), ph(cNav, wComments), ph(cNav, wLogin),
	// legal
	ph(cLegal, wPrivacy, wPolicy), ph(cLegal, wCookie, wPolicy), ph(cLegal, wCookies), ph(cLegal, wTerms, wAny, wService),
	ph(cLegal, wTerms, wAny, wUse), ph(cLegal, wTerms, wAny, wConditions), ph(cLegal, wCopyright),
	ph(cLegalStrong, wRights, wReserved),
	// read time
	ph(cReadTime, wNum, wMin, wRead), ph(cReadTime, wNum, wMins, wRead), ph(cReadTime, wNum, wMinute, wRead),
	ph(cReadTime, wNum, wMinutes, wRead),
}

// feat holds what the word scan learned about one segment.
type feat struct {
	ids       [32]uint8
	at        [32]uint8 // word index, saturating at 255
	n         int
	anchors   int // trigger words that are not function words
	words     int
	addr      int  // we/us/our/you/your outside quotation marks
	copyright bool // a © sign
	first     uint8
	second    uint8
	afterWord byte // the byte right after the first word
	digits    bool // any ASCII digit
	colonMid  bool // a ':' before the last byte
	mask      [3]uint64
}

func (f *feat) add(id uint8, word int) {
	f.mask[id>>6] |= 1 << (id & 63)
	if !functionWords[id] {
		f.anchors++
	}
	if f.n < len(f.ids) {
		f.ids[f.n] = id
		f.at[f.n] = uint8(min(word, 255))
		f.n++
	}
}

func (f *feat) has(id uint8) bool { return f.mask[id>>6]&(1<<(id&63)) != 0 }

// phraseStarts lists, for each trigger word, the indexes in phraseTable
// of the phrases that start with it (a constant table built once).
var phraseStarts = func() (idx [nWords][]uint8) {
	for i, p := range phraseTable {
		idx[p.w[0]] = append(idx[p.w[0]], uint8(i))
	}
	return idx
}()

// match reports which phrase classes the segment holds. It tries only the
// phrases that start with a word the segment has; the answer is a set, so
// the order of the tries does not matter.
func (f *feat) match() (found [cReadTime + 1]bool) {
	if f.anchors == 0 {
		return
	}
	for w, m := range f.mask {
		for ; m != 0; m &= m - 1 {
			id := w*64 + bits.TrailingZeros64(m)
			if id >= len(phraseStarts) {
				continue
			}
			for _, pi := range phraseStarts[id] {
				if p := &phraseTable[pi]; !found[p.class] && f.holds(p) {
					found[p.class] = true
				}
			}
		}
	}
	return
}

// holds reports whether the segment holds phrase p.
func (f *feat) holds(p *phrase) bool {
	if !f.has(p.w[0]) || (p.w[p.n-1] != wAny && !f.has(p.w[p.n-1])) {
		return false
	}
	for t := 0; t < f.n; t++ {
		if f.ids[t] != p.w[0] {
			continue
		}
		pos, u, k := int(f.at[t]), t, 1
		for ; k < int(p.n); k++ {
			pos++
			if p.w[k] == wAny {
				continue
			}
			for u < f.n && int(f.at[u]) < pos {
				u++
			}
			if u == f.n || int(f.at[u]) != pos || f.ids[u] != p.w[k] {
				break
			}
		}
		if k == int(p.n) {
			return true
		}
	}
	return false
}

// byteClass sorts the bytes the word scan cares about: 1 letter, 2 digit,
// 3 quote, colon or the lead byte of ©, “ and ”.
var byteClass = [256]uint8{
	34: 3, 48: 2, 49: 2, 50: 2, 51: 2, 52: 2, 53: 2, 54: 2, 55: 2, 56: 2, 57: 2, 58: 3,
	65: 1, 66: 1, 67: 1, 68: 1, 69: 1, 70: 1, 71: 1, 72: 1, 73: 1, 74: 1, 75: 1, 76: 1,
	77: 1, 78: 1, 79: 1, 80: 1, 81: 1, 82: 1, 83: 1, 84: 1, 85: 1, 86: 1, 87: 1, 88: 1,
	89: 1, 90: 1, 97: 1, 98: 1, 99: 1, 100: 1, 101: 1, 102: 1, 103: 1, 104: 1, 105: 1, 106: 1,
	107: 1, 108: 1, 109: 1, 110: 1, 111: 1, 112: 1, 113: 1, 114: 1, 115: 1, 116: 1, 117: 1, 118: 1,
	119: 1, 120: 1, 121: 1, 122: 1, 194: 3, 226: 3,
}

// maxScan is the longest segment the word scan looks at: longer ones are
// left to the paragraph rules (furniture sentences are short; the longest
// in the seeds is 117 bytes).
const maxScan = 150

// scanSegment fills f from the words of one segment's text t. inQuote
// carries the state of quotation marks from one segment of a paragraph
// to the next.
func scanSegment(t string, f *feat, inQuote *bool) {
	f.words = scanRange(t, 0, len(t), f, inQuote, 0)
}

// scanRange scans t[i:end] for scanSegment, word being the index of the
// next word; it returns the index after the last word. Letter and digit
// runs may run on past end (up to len(t)).
func scanRange(t string, i, end int, f *feat, inQuote *bool, word int) int {
	for i < end {
		switch byteClass[t[i]] {
		case 0:
			i++
		case 1:
			j := i + 1
			for j < len(t) && byteClass[t[j]] == 1 {
				j++
			}
			scanWord(t, i, j, f, inQuote, word)
			word++
			i = j
		case 2:
			i = scanDigits(t, i, f, word)
			word++
		default:
			scanMark(t, i, f, inQuote)
			i++
		}
	}
	return word
}

// scanWord records the word t[i:j] (ASCII letters) as word number word.
func scanWord(t string, i, j int, f *feat, inQuote *bool, word int) {
	n := j - i
	id := wNone
	if n < 16 && triggerLens[pairIndex(t, i, n)]&(1<<n) != 0 {
		id = wordID(t[i:j])
	}
	recordWord(t, i, j, id, f, inQuote, word)
}

// recordWord records the word t[i:j] (ASCII letters) with trigger id id
// (wordID's answer) as word number word.
func recordWord(t string, i, j int, id uint8, f *feat, inQuote *bool, word int) {
	if id == wUs && t[i] == 'U' && t[i+1] == 'S' {
		id = wNone // the country
	}
	if word < 2 {
		if word == 0 {
			f.first = id
			if j < len(t) {
				f.afterWord = t[j]
			}
		} else {
			f.second = id
		}
	}
	if id != wNone {
		switch id {
		case wWe, wUs, wOur, wOurs, wYou, wYour, wYours:
			if !*inQuote {
				f.addr++
			}
		}
		f.add(id, word)
	}
}

// scanDigits records the number starting at t[i] (digits with inner '.'
// and ',') as word number word and returns the index after it.
func scanDigits(t string, i int, f *feat, word int) int {
	j := i + 1
	for j < len(t) && (byteClass[t[j]] == 2 || t[j] == '.' || t[j] == ',') {
		j++
	}
	f.digits = true
	if word == 0 && j < len(t) {
		f.afterWord = t[j]
	}
	f.add(wNum, word)
	return j
}

// scanMark handles a byte outside words and numbers: quotation marks, a
// colon, the copyright sign.
func scanMark(t string, i int, f *feat, inQuote *bool) {
	c := t[i]
	switch {
	case c == '"':
		*inQuote = !*inQuote
	case c == ':' && i+1 < len(t):
		f.colonMid = true
	case c == 0xC2 && i+1 < len(t) && t[i+1] == 0xA9:
		f.copyright = true
	case c == 0xE2 && i+2 < len(t) && t[i+1] == 0x80 && t[i+2] == 0x9C:
		*inQuote = true
	case c == 0xE2 && i+2 < len(t) && t[i+1] == 0x80 && t[i+2] == 0x9D:
		*inQuote = false
	}
}

// scanSegmentToks does what scanSegment does for the segment body[s:e],
// reading the tokenizer's tokens instead of the bytes: one step per token,
// no second pass over the letters. toks[k:] are the tokens from the
// segment on; it returns the index of the first token after the segment.
// A token that crosses the segment's edge (never seen in practice) falls
// back to the byte scan, so the result is always scanSegment's.
func scanSegmentToks(body string, s, e int, toks []tok, k int, f *feat, inQuote *bool) int {
	// skip the tokens of the long segments in between: the first token
	// starting at or after s, or the one before it if it reaches past s
	if k0 := k; k < len(toks) && int(toks[k].e) <= s {
		k = tokAt(toks, k, len(toks), s)
		if k > k0 && int(toks[k-1].e) > s {
			k--
		}
	}
	t := body[s:e]
	q0 := *inQuote
	word := 0
	j := k
	for ; j < len(toks) && int(toks[j].s) < e; j++ {
		tk := &toks[j]
		i, te := int(tk.s)-s, int(tk.e)-s
		if i < 0 || te > len(t) {
			*f, *inQuote = feat{}, q0
			scanSegment(t, f, inQuote)
			for j < len(toks) && int(toks[j].s) < e {
				j++
			}
			return j
		}
		switch tk.k {
		case tkWord:
			if tk.hi {
				// letters beyond ASCII: the byte scan splits the word
				// into its ASCII runs, as scanSegment does
				word = scanRange(t, i, te, f, inQuote, word)
				continue
			}
			if n := te - i; word >= 2 && (n >= 16 || triggerLens[pairIndex(t, i, n)]&(1<<n) == 0) {
				word++ // no trigger, not first or second: only counted
				continue
			}
			scanWord(t, i, te, f, inQuote, word)
			word++
		case tkNum:
			d := scanDigits(t, i, f, word)
			word++
			for j+1 < len(toks) && int(toks[j+1].s) < s+d {
				j++ // the '.', ',' and digits the number took
			}
		default:
			for ; i < te; i++ {
				if byteClass[t[i]] == 3 {
					scanMark(t, i, f, inQuote)
				}
			}
		}
	}
	f.words = word
	return j
}

// scanSegmentLex is scanSegmentToks with the trigger id of each word
// taken from fws, indexed by lexicon entry (lexicon.fws of the tokenizer
// that made toks), when fws is not nil (scanSegmentFast), instead of
// looking the word up here.
func scanSegmentLex(body string, s, e int, toks []tok, k int, fws []uint8, f *feat, inQuote *bool) int {
	if fws != nil {
		return scanSegmentFast(body, s, e, toks, k, fws, f, inQuote)
	}
	return scanSegmentToks(body, s, e, toks, k, f, inQuote)
}

// plainMin is the length above which a segment may be plain (see
// plainSegment): longer than any label target (50 bytes) or menu entry
// (40), the rules that read a segment's word count, digits and colons.
const plainMin = 50

// plainBlock marks the trigger words that keep a segment from being
// plain: those that are no function words (the anchors of the phrases,
// the first words of labels and credits, the verbs of calls to action)
// and "get", the one call-to-action verb that is a function word (a
// constant table).
var plainBlock = func() (b [256]bool) {
	for id := wNone + 1; id < nWords; id++ {
		b[id] = !functionWord(id) || id == wGet
	}
	return b
}()

// plainSegment reports whether the segment body[s:e] is plain: all its
// tokens lie inside it, and it holds no word beyond ASCII, no © and no
// trigger word of plainBlock. segmentReason then finds nothing in it but
// a credit line (isCredit): no phrase has an anchor, no label, credit
// label or call to action its first word. It returns the index of the
// first token after the segment, as scanSegmentLex does (toks[k:] are
// the tokens from the segment on), and, for a plain segment, the state
// of quotation marks after it, in when it starts inside quotes (what
// quoteState gives). The tokens must come from a lexicon's tokenizer: a
// word's clsPlainBlock bit marks the trigger words of plainBlock.
//
// It reads the tokens only, never the bytes between them: a byte beyond
// ASCII is in a word (then hi) or starts a punctuation token (white
// space beyond ASCII is punctuation to the tokenizer), so a © (or any
// 0xC2 byte) and the curly quotes are seen as the first bytes of
// punctuation tokens, which the tokenizer marks clsPlainStop.
func plainSegment(body string, s, e int, toks []tok, k int, in bool) (next int, plain, quote bool) {
	if k0 := k; k < len(toks) && int(toks[k].e) <= s {
		k = tokAt(toks, k, len(toks), s)
		if k > k0 && int(toks[k-1].e) > s {
			k--
		}
	}
	if k < len(toks) && int(toks[k].s) < s {
		return k, false, in
	}
	j := k
	// four tokens a step while they all start in the segment and none
	// needs a look; the loop below reads the token that stops it
	for j+4 <= len(toks) {
		q := toks[j : j+4 : j+4]
		if int(q[3].s) >= e || (q[0].cls|q[1].cls|q[2].cls|q[3].cls)&(clsPlainBlock|clsPlainStop) != 0 {
			break
		}
		j += 4
	}
	for ; j < len(toks) && int(toks[j].s) < e; j++ {
		tk := &toks[j]
		// the token's class says whether its entry's trigger word is one
		// of plainBlock (a number or punctuation has none) and whether it
		// is a word beyond ASCII, a '"' or punctuation beyond ASCII (a ©,
		// a curly quote): one test for the common token
		if tk.cls&(clsPlainBlock|clsPlainStop) == 0 {
			continue
		}
		if tk.cls&clsPlainBlock != 0 || tk.hi || tk.k != tkPunct {
			return k, false, in
		}
		switch c := body[tk.s]; {
		case c == '"':
			in = !in
		case c == 0xC2:
			return k, false, in // maybe a ©: the word scan decides
		case c == 0xE2 && tk.e-tk.s == 3 && body[tk.s+1] == 0x80:
			switch body[tk.s+2] {
			case 0x9C:
				in = true
			case 0x9D:
				in = false
			}
		}
	}
	// only the last token can run past e
	if j > k && int(toks[j-1].e) > e {
		return k, false, in
	}
	return j, true, in
}

// pairIndex returns the triggerLens index of the word t[i:i+n] (ASCII
// letters, n >= 1).
func pairIndex(t string, i, n int) int {
	c1 := 26
	if n > 1 {
		c1 = int(t[i+1]|0x20) - 'a'
	}
	return (int(t[i]|0x20)-'a')*32 + c1
}

// segInfo is what the paragraph rules need of a segment once its words
// are scanned.
type segInfo struct {
	words, addr      int32 // words: -1 when not scanned (too long)
	digits, colonMid bool
	promo            bool
	// lazyAddr marks a plain segment (see plainSegment) whose words were
	// not scanned: addr is computed when markTail needs it (tokAddr).
	lazyAddr bool
	// qin is the state of quotation marks the word scan carries into a
	// plain segment, and k the index of a token at or before the
	// segment's first one (when tokens are given), for a plain segment
	// and a segment too long to scan: what markTail needs to count the
	// segment's addresses to the reader from the tokens (tokAddr).
	qin bool
	k   int32
}

// segmentReason applies the sentence-level rules. toks, when not nil, are
// the body's tokens, toks[k:] those from the segment on, and fws the
// trigger id of each lexicon entry (see scanSegmentLex): the gate before
// the call-to-action rules then reads the tokens instead of the bytes.
func segmentReason(body string, sg Segment, f *feat, toks []tok, k int, fws []uint8) (reason string, promo bool) {
	n := sg.Len()
	text := body[sg.Start:sg.End]
	found := f.match()
	switch {
	case found[cReadTime] && n <= 80:
		return reasonReadTime, false
	case found[cPromo]:
		return reasonPromotion, true
	case found[cLegalStrong], f.copyright:
		return reasonLegal, false
	case found[cNav] && n <= 90, found[cNavWord] && f.words <= 3:
		return reasonNavigation, false
	case found[cLegal] && (n <= 90 || f.addr > 0 || f.has(wAgree)):
		return reasonLegal, false
	}
	if f.has(wPublished) && f.has(wEvery) && publishedEvery(text) {
		return reasonPromotion, true
	}
	if f.mask[0]&ctaMask[0] != 0 || f.mask[1]&ctaMask[1] != 0 || f.mask[2]&ctaMask[2] != 0 {
		maybe := false
		if fws != nil {
			maybe = ctaVerbFirstToks(body, sg.Start, sg.End, toks, k, fws)
		} else {
			maybe = ctaVerbFirst(text)
		}
		if maybe && callToAction(text) {
			return reasonPromotion, true
		}
	}
	switch f.first {
	case wPublished, wUpdated, wPosted:
		if n <= 70 && (f.words == 1 || f.afterWord == ':' || (f.afterWord == ' ' && labelFollower(text))) {
			return reasonLabel, false
		}
	case wLast:
		if (f.second == wUpdated || f.second == wModified) && n <= 70 {
			return reasonLabel, false
		}
	case wFirst:
		if f.second == wPublished && n <= 70 {
			return reasonLabel, false
		}
	case wSource, wSources, wPhoto, wPhotograph, wImage, wPicture, wCredit, wCredits:
		if n <= 100 && (f.afterWord == ':' || (f.words <= 2 && n <= 20)) {
			return reasonCredit, false
		}
	case wLog, wSign:
		if n <= 25 && (hasPrefixFold(text, "log in") || hasPrefixFold(text, "sign in")) {
			return reasonNavigation, false
		}
	case wShare, wTweet, wEmail, wPrint, wMenu, wSearch, wHome, wComments, wAdvertisement, wPreview, wLogin, wContinue:
		if f.words == 1 && n <= 20 {
			return reasonNavigation, false
		}
	case wSubscribe, wDonate, wDownload:
		if n <= 60 {
			return reasonPromotion, true
		}
	case wSupport, wJoin, wFollow:
		if n <= 40 && text[len(text)-1] == '!' {
			return reasonPromotion, true
		}
	}
	if isCredit(text) {
		return reasonCredit, false
	}
	return "", false
}

// labelFollower reports whether the text after a "Published"/"Updated"
// label starts with a date or a preposition of time.
func labelFollower(text string) bool {
	i := 0
	for i < len(text) && isLetter(text[i]) {
		i++
	}
	for i < len(text) && text[i] == ' ' {
		i++
	}
	if i >= len(text) {
		return true
	}
	if text[i] >= '0' && text[i] <= '9' {
		return true
	}
	j := i
	for j < len(text) && isLetter(text[j]) {
		j++
	}
	w := text[i:j]
	switch w {
	case "on", "at", "in", "by", "On", "At", "By":
		return true
	}
	return isMonthOrDay(w)
}

// isCredit reports whether text is a photo credit: a short line of
// capitalised words around a slash ("Andrew Caballero-Reynolds / AFP",
// "Anadolu / Getty") or ending in "Getty Images".
func isCredit(text string) bool {
	if len(text) > 90 || len(text) < 5 {
		return false
	}
	if hasSuffixFold(text, "getty images") {
		return true
	}
	if strings.IndexByte(text, '/') < 0 || strings.Index(text, " / ") <= 0 {
		return false
	}
	words := 0
	atStart := true
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c == ' ' || c == '/' || c == ',' || c == '&':
			atStart = true
		case atStart:
			atStart = false
			if c >= 'a' && c <= 'z' {
				return false // "audio / video / text messaging"
			}
			if c == '.' || c == '!' || c == '?' {
				return false
			}
			words++
		}
	}
	last := text[len(text)-1]
	return words <= 8 && last != '.' && last != '!' && last != '?'
}

func hasPrefixFold(s, pre string) bool {
	if len(s) < len(pre) {
		return false
	}
	for i := 0; i < len(pre); i++ {
		if s[i]|0x20 != pre[i] {
			return false
		}
	}
	return true
}

func hasSuffixFold(s, suf string) bool {
	if len(s) < len(suf) {
		return false
	}
	s = s[len(s)-len(suf):]
	for i := 0; i < len(suf); i++ {
		if s[i]|0x20 != suf[i] {
			return false
		}
	}
	return true
}

// menuLike reports whether a segment looks like a menu or button entry:
// a few words, no digits, no final period.
func menuLike(body string, sg Segment, f segInfo) bool {
	n := sg.Len()
	if n > 40 || f.words < 0 || f.words > 5 || f.digits || f.colonMid {
		return false
	}
	return body[sg.End-1] != '.'
}

// markFurniture sets Furniture and Reason on the segments.
func markFurniture(body string, toks []tok, fws []uint8, segs []Segment, paras []paraInfo, sc *segScratch) {
	if len(segs) == 0 {
		return
	}
	var infos []segInfo
	switch {
	case sc == nil:
		infos = make([]segInfo, len(segs))
	case cap(sc.infos) < len(segs):
		sc.infos = make([]segInfo, len(segs))
		infos = sc.infos
	default:
		infos = sc.infos[:len(segs)]
		clear(infos)
	}
	var f feat
	k := 0 // the first token not before the segment, when toks are given
	labels := false
	for pi := range paras {
		p := &paras[pi]
		inQuote := false
		// the paragraph rules' counts (see below), as the segments are
		// scanned: menuLike is false for a segment too long to scan and
		// for a plain one (longer than a menu entry), and neither is a
		// promotion
		menu, nPromo, long := 0, 0, false
		for i := p.from; i < p.to; i++ {
			sg := &segs[i]
			n := sg.Len()
			if n > maxScan {
				infos[i].words, infos[i].k = -1, int32(k)
				inQuote = false
				long = long || n > 250
				continue
			}
			if fws != nil && n > plainMin {
				if kp, ok, q := plainSegment(body, sg.Start, sg.End, toks, k, inQuote); ok {
					// what the word scan would find, without it
					infos[i] = segInfo{lazyAddr: true, qin: inQuote, k: int32(k)}
					k = kp
					inQuote = q
					if isCredit(body[sg.Start:sg.End]) {
						sg.Furniture, sg.Reason = true, reasonCredit
					}
					continue
				}
			}
			f = feat{}
			k0 := k
			if toks != nil {
				k = scanSegmentLex(body, sg.Start, sg.End, toks, k, fws, &f, &inQuote)
			} else {
				scanSegment(body[sg.Start:sg.End], &f, &inQuote)
			}
			infos[i] = segInfo{words: int32(f.words), addr: int32(f.addr), digits: f.digits, colonMid: f.colonMid}
			if r, pr := segmentReason(body, *sg, &f, toks, k0, fws); r != "" {
				sg.Furniture, sg.Reason = true, r
				infos[i].promo = pr
				labels = labels || r == reasonLabel
				if pr {
					nPromo++
				}
			}
			if menuLike(body, *sg, infos[i]) {
				menu++
			}
		}
		// Paragraph rules: menus, and promotion blocks (applied below,
		// after the labels).
		n := p.to - p.from
		switch {
		case n >= 3 && menu >= 3 && menu*2 >= n:
			p.rule = paraMenu
		case nPromo > 0 && !long && nPromo*3 >= n:
			p.rule = paraPromotion
		default:
			p.rule = 0
		}
	}
	// A bare label ("Published", "Updated") labels the short line after
	// it: "Published\n3 December 2025, 8:40am" is furniture, date and all.
	for i := 0; labels && i+1 < len(segs); i++ {
		if segs[i].Reason == reasonLabel && infos[i].words == 1 && !segs[i+1].Furniture &&
			segs[i+1].Len() <= 50 && infos[i+1].digits && segs[i+1].Para <= segs[i].Para+1 {
			segs[i+1].Furniture, segs[i+1].Reason = true, reasonLabel
		}
	}
	for _, p := range paras {
		switch p.rule {
		case paraMenu:
			markRange(segs[p.from:p.to], reasonMenu)
		case paraPromotion:
			markRange(segs[p.from:p.to], reasonPromotion)
		}
	}
	markRepeats(body, segs, paras)
	markTail(body, toks, fws, segs, paras, infos)
}

func markRange(segs []Segment, reason string) {
	for i := range segs {
		if !segs[i].Furniture {
			segs[i].Furniture, segs[i].Reason = true, reason
		}
	}
}

// markRepeats marks the extra copies of a repeated segment (a caption
// printed again in the text, a title repeated at the foot of a page). Of
// the copies, the ones in a caption paragraph (a paragraph that also holds
// a credit) are furniture when another copy stands in the text; otherwise
// every copy after the first is.
func markRepeats(body string, segs []Segment, paras []paraInfo) {
	// An open-addressing table of segment indexes (+1) keyed by a cheap
	// hash of each candidate's length and first and last eight bytes;
	// equal keys are confirmed by comparing the text. A page of up to
	// 64 segments gets a small table (it never fills half of it, so it
	// finds what the large one finds): most pages, and no 4 KB to clear.
	if len(segs) <= 64 {
		var table [128]int32
		markRepeatsIn(body, segs, paras, table[:])
		return
	}
	var table [1024]int32
	markRepeatsIn(body, segs, paras, table[:])
}

// markRepeatsIn is markRepeats with the table given (a power of two,
// zero): it gives up on a page that fills half of it (a page that long
// is news text; captions come early).
func markRepeatsIn(body string, segs []Segment, paras []paraInfo, table []int32) {
	slots := len(table)
	used := 0
	for i := range segs {
		sg := &segs[i]
		n := sg.Len()
		if n > maxScan || (n < 24 && (n < 8 || endsSentence(body, sg.Start, sg.End))) {
			continue
		}
		if used >= slots/2 {
			return // a body this long is news text; captions come early
		}
		k := body[sg.Start:sg.End]
		h := repeatHash(k) & (slots - 1)
		j := -1
		for {
			e := table[h]
			if e == 0 {
				table[h] = int32(i + 1)
				used++
				break
			}
			if o := &segs[e-1]; o.Len() == n && body[o.Start:o.End] == k {
				j = int(e - 1)
				break
			}
			h = (h + 1) & (slots - 1)
		}
		if j < 0 {
			continue
		}
		ci, cj := captionPara(segs, paras, sg.Para), captionPara(segs, paras, segs[j].Para)
		switch {
		case cj && !ci:
			// the earlier copy is the caption: mark it, keep this one
			if !segs[j].Furniture {
				segs[j].Furniture, segs[j].Reason = true, reasonRepeat
			}
			table[h] = int32(i + 1)
		default:
			if !segs[i].Furniture {
				segs[i].Furniture, segs[i].Reason = true, reasonRepeat
			}
		}
	}
}

// repeatHash hashes a segment of at least 8 bytes into [0, 1024).
func repeatHash(k string) int {
	n := len(k)
	a, b := load8(k, 0), load8(k, n-8) // the first and last eight bytes, little-endian
	h := a*0x9E3779B97F4A7C15 ^ b*0xC2B2AE3D27D4EB4F ^ uint64(n)*0x165667B19E3779F9
	return int(h >> 54)
}

// captionPara reports whether paragraph p holds a credit line.
func captionPara(segs []Segment, paras []paraInfo, p int) bool {
	for i := paras[p].from; i < paras[p].to; i++ {
		if segs[i].Reason == reasonCredit {
			return true
		}
	}
	return false
}

// markTail marks the run of furniture that closes a page. Walking back
// from the last paragraph over furniture paragraphs, short lines without
// final punctuation ("A message from …:", "Dear readers,") and
// paragraphs addressed to the reader ("we", "our", "you" outside quotes:
// a donation letter), it marks everything from the first furniture
// paragraph of that run to the end. toks and fws, when not nil, are the
// body's tokens and the lexicon's trigger ids (see segmentLex): the
// addresses of the segments the word scan skipped are then counted from
// the tokens (tokAddr).
func markTail(body string, toks []tok, fws []uint8, segs []Segment, paras []paraInfo, infos []segInfo) {
	start := len(paras)
	for p := len(paras) - 1; p >= 0; p-- {
		pi := paras[p]
		n, furn := pi.to-pi.from, 0
		for i := pi.from; i < pi.to; i++ {
			if segs[i].Furniture {
				furn++
			}
		}
		short := n == 1 && pi.end-pi.start <= 60 && !endsSentence(body, pi.start, pi.end)
		if furn*2 >= n || short {
			start = p
			continue
		}
		if n > 4 && furn == 0 {
			break // a letter to the reader is a few sentences a paragraph
		}
		addr, inQuote := 0, false
		for i := pi.from; i < pi.to && addr < 2; i++ {
			switch sg := segs[i]; {
			case infos[i].words < 0 && fws != nil:
				// (words stays -1: tokAddr counts none, and nothing
				// reads them after this)
				infos[i].addr = int32(tokAddr(body, sg.Start, sg.End, toks, int(infos[i].k), fws, &inQuote))
			case infos[i].words < 0:
				var f feat
				scanSegment(body[sg.Start:sg.End], &f, &inQuote)
				infos[i].words, infos[i].addr = int32(f.words), int32(f.addr)
			case infos[i].lazyAddr:
				// the quotation marks' state the word scan carried into
				// the segment, which a byte scan of the paragraph's
				// segments up to it finds again (chainAddr, in the tests)
				q := infos[i].qin
				infos[i].addr, infos[i].lazyAddr = int32(tokAddr(body, sg.Start, sg.End, toks, int(infos[i].k), fws, &q)), false
			}
			addr += int(infos[i].addr)
		}
		if addr >= 2 {
			start = p
			continue
		}
		break
	}
	first := -1
	for p := start; p < len(paras); p++ {
		pi := paras[p]
		furn := 0
		for i := pi.from; i < pi.to; i++ {
			if segs[i].Furniture {
				furn++
			}
		}
		if furn*2 >= pi.to-pi.from {
			first = p
			break
		}
	}
	if first < 0 {
		return
	}
	// The run is contiguous up to the end of the body, so a lone "Read
	// more" inside the text never carries the news paragraphs after it.
	for p := first; p < len(paras); p++ {
		markRange(segs[paras[p].from:paras[p].to], reasonTail)
	}
}
