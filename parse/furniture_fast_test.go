package parse

import (
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// fastTexts returns the test corpora of segmentTexts and hand-made
// adversarial texts for the tagger's shortcuts: CRLF and lone CR line
// ends, no final newline, blank lines of white space, long lines and
// sentences, spaces beyond ASCII, bullets, hard-wrapped paragraphs,
// quotation marks across sentences, addresses to the reader at the end
// of a page and calls to action.
func fastTexts(tb testing.TB) map[string]string {
	tb.Helper()
	texts := segmentTexts(tb)
	long := "The committee met with the minister on the budget and the new rules for the year ahead, and we said that you and our readers would see it in the report, which runs to many pages and covers the whole of the period under review by the panel."
	wrap := "The agency said on Tuesday that the talks would resume next\nweek in Geneva, after a pause of more than a month in which\nneither side had agreed to the terms put forward by the other\nparty, officials told reporters late on Monday evening."
	for name, text := range map[string]string{
		"crlf":          "Headline here\r\n\r\nFirst sentence. Second one!\r\nThird line\r\n\r\nSubscribe to our newsletter\r\n",
		"lone-cr":       "Headline\rStill the headline.\r\rNext para? Yes.\r",
		"no-final-nl":   "Just one line without a newline at the end. And more",
		"only-blank":    "\n\n  \n\t\n\u00a0\n",
		"blank-spaces":  "Para one ends here.\n   \nPara two starts here.\n\t\nPara three.\n\u2003\nPara four.",
		"leading-blank": "\n\n\nFirst para.\n\n\n\nSecond para.\n",
		"long-lines":    strings.Repeat(long+" ", 4) + "\n\n" + strings.Repeat(long, 3),
		"nbsp-spaces":   "Mr.\u00a0Smith went.\u2009Then\u3000he left.\u00a0\n\u202fNext\u205fline.",
		"bullets":       "Key points:\n• We will follow you on Twitter\n· Sign up now\n- Share this on Facebook\n* Get the latest updates\n– Join us on Telegram\n— Download our app",
		"wrapped":       wrap + "\n\n" + wrap + "\n" + wrap,
		"quotes-span":   "\"" + long + " We told you so.\n\n\u201c" + long + "\u201d \"we\" and \"you\" said.\n\nWe thank you. Our team and you.",
		"tail-long":     "Story text that is news and only news for a start of the page.\n\n" + long + " " + long + "\n\n" + long + "\n\nFollow us on Twitter\nShare this",
		"tail-quotes":   "News first.\n\n\"" + long + "\n\n" + long + " \u201cwe you our\u201d " + long + "\n\nRead more",
		"cta":           "Follow the BBC on WhatsApp. Please, share this with a friend via email. Forward this email to a colleague. 3, follow us on X. Get the latest news on Telegram, please follow.",
		"cta-mid":       "Officials said they would follow the rules and share the costs; the firm will get a loan via Facebook owner Meta, watch the vote and join talks.",
		"cta-case":      "FOLLOW US ON INSTAGRAM. sign UP for alerts. PLEASE Subscribe to the podcast on Spotify. Listen-in: the show.",
		"digits-comma":  "Chapter 5, follow us on Twitter. 3.5-follow. 7'follow the app.",
		"us-country":    "The US and us: US officials told US. Us and uS and you.",
		"ellipsis":      "Wait\u2026 what? He said\u2026 \u201cno.\u201d Then... We left.",
		"hi-words":      "Café owners say we usé the app. Naïve you.\n\n\u00e9we \u00e9us our\u00e9 \u00e9you\u00e9.",
		"broken-utf8":   "a\xe2\x80 we \xc2 you \xe2\x80\x9cour\xe2\x80 us\xe2\x80\x9d. Follow\xe2 us on Twitter\xe2\x80\x94now",
		"dashes":        "Deal agreed \u2014 follow us on Twitter \u2013 share this via email - sign up - get it.",
	} {
		texts["fast/"+name] = text
	}
	return texts
}

// chainAddr returns the addr the word scan gives segment i of paragraph
// p: it scans the paragraph's segments up to i, carrying the quotation
// marks' state as markFurniture does. It is the reference for the
// addresses markTail counts from the tokens (tokAddr).
func chainAddr(body string, segs []Segment, p paraInfo, i int) (addr int, in bool) {
	var f feat
	inQuote := false
	for k := p.from; k <= i; k++ {
		sg := segs[k]
		if sg.Len() > maxScan {
			inQuote = false
			continue
		}
		in = inQuote
		f = feat{}
		scanSegment(body[sg.Start:sg.End], &f, &inQuote)
	}
	return f.addr, in
}

// parasOf returns the paragraphs of segs (by Segment.Para).
func parasOf(segs []Segment) []paraInfo {
	var paras []paraInfo
	for i, sg := range segs {
		if i == 0 || sg.Para != segs[i-1].Para {
			paras = append(paras, paraInfo{from: i})
		}
		paras[len(paras)-1].to = i + 1
	}
	return paras
}

// TestSegmentLexFast checks segmentLex (tokens, trigger ids and stops)
// against Segments on the test corpora and the adversarial texts.
func TestSegmentLexFast(t *testing.T) {
	eachText(t, fastTexts(t), checkSegmentLex)
}

// TestTokAddr checks tokAddr and scanSegmentFast against the byte scan
// (scanSegment) on every segment of the texts, from either quotation
// state, with the token index at the segment and at the start of the
// body.
func TestTokAddr(t *testing.T) {
	texts := fastTexts(t)
	lx := newLexicon()
	for _, name := range slices.Sorted(maps.Keys(texts)) {
		body := texts[name]
		toks := lx.tokenize(body, nil)
		segs := Segments(body)
		t.Run(name, func(t *testing.T) {
			checkTokAddr(t, lx, body, toks, segs)
		})
	}
}

func checkTokAddr(t *testing.T, lx *lexicon, body string, toks []tok, segs []Segment) {
	t.Helper()
	for _, sg := range segs {
		text := body[sg.Start:sg.End]
		for _, in := range []bool{false, true} {
			var f feat
			want := in
			scanSegment(text, &f, &want)
			for _, k := range []int{0, tokAt(toks, 0, len(toks), sg.Start)} {
				got := in
				if n := tokAddr(body, sg.Start, sg.End, toks, k, lx.fws, &got); n != f.addr || got != want {
					t.Fatalf("segment %q from %v (token %d): addr %d quote %v, want %d %v", text, in, k, n, got, f.addr, want)
				}
				var ff feat
				got = in
				next := scanSegmentFast(body, sg.Start, sg.End, toks, k, lx.fws, &ff, &got)
				if ff != f || got != want {
					t.Fatalf("segment %q from %v (token %d): scanSegmentFast %+v (quote %v), want %+v (%v)", text, in, k, ff, got, f, want)
				}
				if wantNext := tokAt(toks, 0, len(toks), sg.End); next != wantNext {
					t.Fatalf("segment %q (token %d): next token %d, want %d", text, k, next, wantNext)
				}
			}
		}
	}
}

// TestLazyAddr checks what markFurniture records for a plain segment:
// the quotation state the byte scan of the paragraph carries into it,
// and a token index from which tokAddr counts the addresses chainAddr
// finds.
func TestLazyAddr(t *testing.T) {
	texts := fastTexts(t)
	lx := newLexicon()
	var sc segScratch
	lazy := 0
	for _, name := range slices.Sorted(maps.Keys(texts)) {
		body := texts[name]
		stops := []int32{}
		toks := lx.tokenizeStops(body, 0, len(body), nil, &stops)
		segs := slices.Clone(segmentLex(body, toks, lx.fws, stops, &sc))
		infos := sc.infos
		for _, p := range parasOf(segs) {
			for i := p.from; i < p.to; i++ {
				sg := segs[i]
				want, in := chainAddr(body, segs, p, i)
				if sg.Len() <= plainMin || sg.Len() > maxScan {
					continue
				}
				if _, ok, _ := plainSegment(body, sg.Start, sg.End, toks, 0, in); !ok {
					continue
				}
				lazy++
				if infos[i].qin != in {
					t.Errorf("%s: segment %q: quote state %v recorded, want %v", name, body[sg.Start:sg.End], infos[i].qin, in)
				}
				q := infos[i].qin
				if got := tokAddr(body, sg.Start, sg.End, toks, int(infos[i].k), lx.fws, &q); got != want {
					t.Errorf("%s: segment %q: addr %d, want %d", name, body[sg.Start:sg.End], got, want)
				}
			}
		}
	}
	if lazy == 0 {
		t.Fatal("no plain segment in the texts")
	}
}

// TestCTAGate checks the gates before callToAction: every text it
// accepts passes ctaVerbFirst, and every text ctaVerbFirst passes
// passes ctaVerbFirstToks (segments of the texts and each text's lines).
func TestCTAGate(t *testing.T) {
	texts := fastTexts(t)
	lx := newLexicon()
	calls := 0
	for _, name := range slices.Sorted(maps.Keys(texts)) {
		body := texts[name]
		toks := lx.tokenize(body, nil)
		spans := []Span{}
		for _, sg := range Segments(body) {
			spans = append(spans, sg.Span)
		}
		for i := 0; i < len(body); {
			e := lineEnd(body, i)
			spans = append(spans, Span{i, e})
			i = e + 1
		}
		for _, sp := range spans {
			text := body[sp.Start:sp.End]
			cta, bytes := callToAction(text), ctaVerbFirst(text)
			if cta {
				calls++
			}
			if cta && !bytes {
				t.Errorf("%s: %q: a call to action, but ctaVerbFirst says no", name, text)
			}
			for _, k := range []int{0, tokAt(toks, 0, len(toks), sp.Start)} {
				if bytes && !ctaVerbFirstToks(body, sp.Start, sp.End, toks, k, lx.fws) {
					t.Errorf("%s: %q (token %d): ctaVerbFirst says yes, ctaVerbFirstToks no", name, text, k)
				}
			}
		}
	}
	if calls < 10 {
		t.Fatalf("only %d calls to action in the texts", calls)
	}
}

// TestCTAVerb checks ctaVerb against the verbs callToAction reads, in
// any case.
func TestCTAVerb(t *testing.T) {
	verbs := []string{"sign", "follow", "listen", "subscribe", "join", "download", "forward", "share", "get", "watch"}
	for _, w := range ctaKnown {
		want := slices.Contains(verbs, w)
		for _, v := range []string{w, strings.ToUpper(w), strings.ToUpper(w[:1]) + w[1:]} {
			if got := ctaVerb(v); got != want {
				t.Errorf("ctaVerb(%q) = %v, want %v", v, got, want)
			}
		}
	}
	for _, w := range []string{"gets", "signs", "follows", "sig", "ge", "shared", "watcher", "joins"} {
		if ctaVerb(w) {
			t.Errorf("ctaVerb(%q) = true", w)
		}
	}
}

// TestEmitFields checks that Segment has the fields splitParagraph's
// emit sets one by one, and no other: a new field must be set there too.
func TestEmitFields(t *testing.T) {
	var names []string
	st := reflect.TypeFor[Segment]()
	for i := range st.NumField() {
		names = append(names, st.Field(i).Name)
	}
	if want := []string{"Span", "Furniture", "Para", "Reason"}; !slices.Equal(names, want) {
		t.Fatalf("Segment fields %v, want %v: update splitParagraph's emit", names, want)
	}
}

// FuzzFurnitureFast checks the tagger's shortcuts (segmentLex, tokAddr,
// the call-to-action gates) against the byte scans on any input.
func FuzzFurnitureFast(f *testing.F) {
	for _, s := range fastTexts(f) {
		f.Add(s)
	}
	lx := newLexicon()
	f.Fuzz(func(t *testing.T, body string) {
		var sc segScratch
		checkSegmentLex(t, lx, &sc, body)
		toks := lx.tokenize(body, nil)
		segs := Segments(body)
		checkTokAddr(t, lx, body, toks, segs)
		for _, sg := range segs {
			text := body[sg.Start:sg.End]
			if callToAction(text) && !ctaVerbFirst(text) {
				t.Fatalf("%q: a call to action, but ctaVerbFirst says no", text)
			}
			if ctaVerbFirst(text) && !ctaVerbFirstToks(body, sg.Start, sg.End, toks, 0, lx.fws) {
				t.Fatalf("%q: ctaVerbFirst says yes, ctaVerbFirstToks no", text)
			}
		}
	})
}
