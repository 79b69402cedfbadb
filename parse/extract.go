package parse

import (
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/olebedev/when/rules"
	"github.com/olebedev/when/rules/en"
)

// Options configures an [Extractor].
type Options struct {
	// NoResolve leaves every relative expression unresolved (X-filled
	// TIMEX3 values, zero When), as for an undated article.
	NoResolve bool
}

// Extractor finds and resolves temporal expressions. Build one with
// [NewExtractor] and share it: it holds only read-only tables (and the
// zones of place names, each loaded once on first use under its own
// sync.Once), so one Extractor may be used from many goroutines.
type Extractor struct {
	opts       Options
	lx         *lexicon
	countNouns map[string]bool
	paperNames map[string]bool
	dayNames   map[string]bool // words that make a weekday a name: Black Monday
	ordAdj     map[string]bool // words after an ordinal "second": consecutive, straight
	tenseWords map[string]byte
	// tenseLead is the prefilter of tenseWords: bit L of
	// tenseLead[c0*26+c1] is set when a tense word starts with the letters
	// c0 c1 and has L letters. Most words fail it and cost no map lookup.
	tenseLead   [26 * 26]uint32
	tenseNoLead bool // a tense word tenseLead cannot index: no prefilter
	// signalLead is tenseLead with the words classify reads itself
	// ("to", "for", "until", …): the prefilter of noSignal.
	signalLead [26 * 26]uint32
	// sigIDs[id] is false when noSignal refuses lexicon entry id's word
	// (see signalIDs): maySignal reads it instead of calling classify.
	sigIDs []bool
	// toID, untilID and sinceID are the lexicon entries of "to",
	// "until" and "since" (0 when the lexicon has no such word): a word
	// token with another entry is none of them.
	toID, untilID, sinceID uint16

	// olebedev/when rules used for clock times, built here (never the
	// shared when.EN) and run on small windows only.
	whenHourMinute rules.Rule
	whenHour       rules.Rule
	whenOpts       rules.Options

	pool  sync.Pool // *[]tok scratch buffers
	cpool sync.Pool // *candScratch buffers
	spool sync.Pool // *segScratch buffers
	// zones maps the names of usZones to their index in zoneSet (read
	// with Extractor.zone).
	zones map[string]uint16
	// places maps a few hundred newsroom place names to their zone and
	// whether they are countries, for "local time" (the place in the
	// sentence, else the dateline's); read with Extractor.place.
	places map[string]placeEnt
	// zoneSet holds the zones of places and zones, loaded on first use
	// (see zones.go).
	zoneSet zoneSet
	// plainResolve makes every resolver plain (see resolver.plain): the
	// reference the tests compare the resolver's fast paths with.
	plainResolve bool
}

// candScratch is a worker's scratch for one extract call: the candidate
// buffer, and the TIMEX3 values and zone periods its resolvers keep from
// article to article.
type candScratch struct {
	cands []cand
	timex timexCache
	zones zoneMemos
}

// placeZones lists places news datelines and sentences name, with their
// IANA zone: capitals and the largest news cities.
var placeZones = [...][2]string{
	{"washington", "America/New_York"}, {"new york", "America/New_York"}, {"boston", "America/New_York"}, {"miami", "America/New_York"}, {"florida", "America/New_York"}, {"atlanta", "America/New_York"},
	{"chicago", "America/Chicago"}, {"houston", "America/Chicago"}, {"dallas", "America/Chicago"}, {"detroit", "America/Detroit"},
	{"denver", "America/Denver"}, {"los angeles", "America/Los_Angeles"}, {"san francisco", "America/Los_Angeles"}, {"seattle", "America/Los_Angeles"}, {"california", "America/Los_Angeles"},
	{"toronto", "America/Toronto"}, {"ottawa", "America/Toronto"}, {"montreal", "America/Toronto"}, {"vancouver", "America/Vancouver"}, {"mexico city", "America/Mexico_City"},
	{"havana", "America/Havana"}, {"caracas", "America/Caracas"}, {"bogota", "America/Bogota"}, {"lima", "America/Lima"}, {"santiago", "America/Santiago"}, {"buenos aires", "America/Argentina/Buenos_Aires"}, {"brasilia", "America/Sao_Paulo"}, {"sao paulo", "America/Sao_Paulo"}, {"rio de janeiro", "America/Sao_Paulo"},
	{"london", "Europe/London"}, {"dublin", "Europe/Dublin"}, {"lisbon", "Europe/Lisbon"}, {"madrid", "Europe/Madrid"}, {"paris", "Europe/Paris"}, {"brussels", "Europe/Brussels"}, {"amsterdam", "Europe/Amsterdam"}, {"the hague", "Europe/Amsterdam"},
	{"berlin", "Europe/Berlin"}, {"frankfurt", "Europe/Berlin"}, {"munich", "Europe/Berlin"}, {"geneva", "Europe/Zurich"}, {"zurich", "Europe/Zurich"}, {"davos", "Europe/Zurich"}, {"vienna", "Europe/Vienna"}, {"rome", "Europe/Rome"}, {"vatican", "Europe/Rome"}, {"milan", "Europe/Rome"},
	{"copenhagen", "Europe/Copenhagen"}, {"oslo", "Europe/Oslo"}, {"stockholm", "Europe/Stockholm"}, {"helsinki", "Europe/Helsinki"}, {"warsaw", "Europe/Warsaw"}, {"prague", "Europe/Prague"}, {"budapest", "Europe/Budapest"}, {"belgrade", "Europe/Belgrade"},
	{"athens", "Europe/Athens"}, {"bucharest", "Europe/Bucharest"}, {"sofia", "Europe/Sofia"}, {"kyiv", "Europe/Kyiv"}, {"kiev", "Europe/Kyiv"}, {"odesa", "Europe/Kyiv"}, {"kharkiv", "Europe/Kyiv"}, {"minsk", "Europe/Minsk"},
	{"moscow", "Europe/Moscow"}, {"st petersburg", "Europe/Moscow"}, {"istanbul", "Europe/Istanbul"}, {"ankara", "Europe/Istanbul"},
	{"jerusalem", "Asia/Jerusalem"}, {"tel aviv", "Asia/Jerusalem"}, {"gaza", "Asia/Gaza"}, {"beirut", "Asia/Beirut"}, {"damascus", "Asia/Damascus"}, {"amman", "Asia/Amman"}, {"baghdad", "Asia/Baghdad"}, {"tehran", "Asia/Tehran"},
	{"riyadh", "Asia/Riyadh"}, {"doha", "Asia/Qatar"}, {"dubai", "Asia/Dubai"}, {"abu dhabi", "Asia/Dubai"}, {"cairo", "Africa/Cairo"}, {"kabul", "Asia/Kabul"}, {"islamabad", "Asia/Karachi"}, {"karachi", "Asia/Karachi"},
	{"new delhi", "Asia/Kolkata"}, {"delhi", "Asia/Kolkata"}, {"mumbai", "Asia/Kolkata"}, {"dhaka", "Asia/Dhaka"}, {"bangkok", "Asia/Bangkok"}, {"hanoi", "Asia/Bangkok"}, {"jakarta", "Asia/Jakarta"}, {"singapore", "Asia/Singapore"}, {"kuala lumpur", "Asia/Kuala_Lumpur"}, {"manila", "Asia/Manila"},
	{"beijing", "Asia/Shanghai"}, {"shanghai", "Asia/Shanghai"}, {"hong kong", "Asia/Hong_Kong"}, {"taipei", "Asia/Taipei"}, {"seoul", "Asia/Seoul"}, {"pyongyang", "Asia/Pyongyang"}, {"tokyo", "Asia/Tokyo"},
	{"sydney", "Australia/Sydney"}, {"canberra", "Australia/Sydney"}, {"melbourne", "Australia/Melbourne"}, {"perth", "Australia/Perth"}, {"auckland", "Pacific/Auckland"}, {"wellington", "Pacific/Auckland"},
	{"quebec", "America/Toronto"}, {"winnipeg", "America/Winnipeg"}, {"calgary", "America/Edmonton"}, {"edmonton", "America/Edmonton"}, {"phoenix", "America/Phoenix"}, {"philadelphia", "America/New_York"}, {"honolulu", "Pacific/Honolulu"}, {"anchorage", "America/Anchorage"},
	{"guatemala city", "America/Guatemala"}, {"panama city", "America/Panama"}, {"san juan", "America/Puerto_Rico"}, {"quito", "America/Guayaquil"}, {"la paz", "America/La_Paz"}, {"montevideo", "America/Montevideo"}, {"asuncion", "America/Asuncion"}, {"managua", "America/Managua"}, {"tegucigalpa", "America/Tegucigalpa"}, {"san salvador", "America/El_Salvador"}, {"port-au-prince", "America/Port-au-Prince"}, {"kingston", "America/Jamaica"}, {"santo domingo", "America/Santo_Domingo"},
	{"edinburgh", "Europe/London"}, {"manchester", "Europe/London"}, {"belfast", "Europe/London"}, {"cardiff", "Europe/London"}, {"marseille", "Europe/Paris"}, {"lyon", "Europe/Paris"}, {"strasbourg", "Europe/Paris"}, {"barcelona", "Europe/Madrid"}, {"luxembourg", "Europe/Luxembourg"}, {"hamburg", "Europe/Berlin"}, {"cologne", "Europe/Berlin"}, {"naples", "Europe/Rome"}, {"bratislava", "Europe/Bratislava"}, {"ljubljana", "Europe/Ljubljana"}, {"zagreb", "Europe/Zagreb"}, {"sarajevo", "Europe/Sarajevo"}, {"skopje", "Europe/Skopje"}, {"tirana", "Europe/Tirane"}, {"pristina", "Europe/Belgrade"}, {"podgorica", "Europe/Podgorica"}, {"chisinau", "Europe/Chisinau"}, {"vilnius", "Europe/Vilnius"}, {"riga", "Europe/Riga"}, {"tallinn", "Europe/Tallinn"}, {"reykjavik", "Atlantic/Reykjavik"}, {"nicosia", "Asia/Nicosia"}, {"valletta", "Europe/Malta"}, {"lviv", "Europe/Kyiv"}, {"dnipro", "Europe/Kyiv"}, {"zaporizhzhia", "Europe/Kyiv"}, {"tbilisi", "Asia/Tbilisi"}, {"yerevan", "Asia/Yerevan"}, {"baku", "Asia/Baku"},
	{"tashkent", "Asia/Tashkent"}, {"astana", "Asia/Almaty"}, {"almaty", "Asia/Almaty"}, {"bishkek", "Asia/Bishkek"}, {"dushanbe", "Asia/Dushanbe"}, {"ashgabat", "Asia/Ashgabat"}, {"sanaa", "Asia/Aden"}, {"aden", "Asia/Aden"}, {"muscat", "Asia/Muscat"}, {"kuwait city", "Asia/Kuwait"}, {"manama", "Asia/Bahrain"}, {"jeddah", "Asia/Riyadh"}, {"mecca", "Asia/Riyadh"}, {"ramallah", "Asia/Hebron"}, {"erbil", "Asia/Baghdad"}, {"mosul", "Asia/Baghdad"}, {"aleppo", "Asia/Damascus"},
	{"kolkata", "Asia/Kolkata"}, {"bengaluru", "Asia/Kolkata"}, {"bangalore", "Asia/Kolkata"}, {"chennai", "Asia/Kolkata"}, {"hyderabad", "Asia/Kolkata"}, {"lahore", "Asia/Karachi"}, {"kathmandu", "Asia/Kathmandu"}, {"colombo", "Asia/Colombo"}, {"yangon", "Asia/Yangon"}, {"naypyitaw", "Asia/Yangon"}, {"phnom penh", "Asia/Phnom_Penh"}, {"vientiane", "Asia/Vientiane"}, {"ho chi minh city", "Asia/Ho_Chi_Minh"}, {"ulaanbaatar", "Asia/Ulaanbaatar"}, {"osaka", "Asia/Tokyo"}, {"busan", "Asia/Seoul"}, {"shenzhen", "Asia/Shanghai"}, {"guangzhou", "Asia/Shanghai"}, {"wuhan", "Asia/Shanghai"}, {"macau", "Asia/Macau"}, {"brisbane", "Australia/Brisbane"}, {"adelaide", "Australia/Adelaide"}, {"darwin", "Australia/Darwin"}, {"hobart", "Australia/Hobart"}, {"suva", "Pacific/Fiji"}, {"port moresby", "Pacific/Port_Moresby"},
	{"algiers", "Africa/Algiers"}, {"tunis", "Africa/Tunis"}, {"tripoli", "Africa/Tripoli"}, {"rabat", "Africa/Casablanca"}, {"casablanca", "Africa/Casablanca"}, {"dakar", "Africa/Dakar"}, {"accra", "Africa/Accra"}, {"abidjan", "Africa/Abidjan"}, {"bamako", "Africa/Bamako"}, {"niamey", "Africa/Niamey"}, {"kinshasa", "Africa/Kinshasa"}, {"goma", "Africa/Lubumbashi"}, {"kigali", "Africa/Kigali"}, {"kampala", "Africa/Kampala"}, {"dar es salaam", "Africa/Dar_es_Salaam"}, {"mogadishu", "Africa/Mogadishu"}, {"juba", "Africa/Juba"}, {"harare", "Africa/Harare"}, {"lusaka", "Africa/Lusaka"}, {"luanda", "Africa/Luanda"}, {"maputo", "Africa/Maputo"}, {"antananarivo", "Indian/Antananarivo"},
	{"nairobi", "Africa/Nairobi"}, {"addis ababa", "Africa/Addis_Ababa"}, {"lagos", "Africa/Lagos"}, {"abuja", "Africa/Lagos"}, {"johannesburg", "Africa/Johannesburg"}, {"pretoria", "Africa/Johannesburg"}, {"cape town", "Africa/Johannesburg"}, {"khartoum", "Africa/Khartoum"},
}

// countryZones lists countries with one zone, for "local time", "India
// time" and datelines ("TRUJILLO, Peru"). A city named in a sentence wins
// over a country.
var countryZones = [...][2]string{
	{"india", "Asia/Kolkata"}, {"pakistan", "Asia/Karachi"}, {"bangladesh", "Asia/Dhaka"}, {"china", "Asia/Shanghai"}, {"japan", "Asia/Tokyo"}, {"south korea", "Asia/Seoul"}, {"north korea", "Asia/Pyongyang"}, {"taiwan", "Asia/Taipei"}, {"philippines", "Asia/Manila"}, {"thailand", "Asia/Bangkok"}, {"vietnam", "Asia/Bangkok"}, {"myanmar", "Asia/Yangon"}, {"nepal", "Asia/Kathmandu"}, {"sri lanka", "Asia/Colombo"}, {"afghanistan", "Asia/Kabul"}, {"iran", "Asia/Tehran"}, {"iraq", "Asia/Baghdad"}, {"syria", "Asia/Damascus"}, {"lebanon", "Asia/Beirut"}, {"jordan", "Asia/Amman"}, {"israel", "Asia/Jerusalem"}, {"saudi arabia", "Asia/Riyadh"}, {"qatar", "Asia/Qatar"}, {"yemen", "Asia/Aden"}, {"turkey", "Europe/Istanbul"}, {"turkiye", "Europe/Istanbul"}, {"egypt", "Africa/Cairo"}, {"ukraine", "Europe/Kyiv"}, {"belarus", "Europe/Minsk"}, {"poland", "Europe/Warsaw"}, {"germany", "Europe/Berlin"}, {"france", "Europe/Paris"}, {"italy", "Europe/Rome"}, {"greece", "Europe/Athens"}, {"romania", "Europe/Bucharest"}, {"hungary", "Europe/Budapest"}, {"austria", "Europe/Vienna"}, {"switzerland", "Europe/Zurich"}, {"netherlands", "Europe/Amsterdam"}, {"belgium", "Europe/Brussels"}, {"ireland", "Europe/Dublin"}, {"britain", "Europe/London"}, {"england", "Europe/London"}, {"scotland", "Europe/London"}, {"sweden", "Europe/Stockholm"}, {"norway", "Europe/Oslo"}, {"finland", "Europe/Helsinki"}, {"denmark", "Europe/Copenhagen"}, {"serbia", "Europe/Belgrade"}, {"croatia", "Europe/Zagreb"}, {"bulgaria", "Europe/Sofia"},
	{"peru", "America/Lima"}, {"colombia", "America/Bogota"}, {"venezuela", "America/Caracas"}, {"cuba", "America/Havana"}, {"argentina", "America/Argentina/Buenos_Aires"}, {"haiti", "America/Port-au-Prince"}, {"nigeria", "Africa/Lagos"}, {"kenya", "Africa/Nairobi"}, {"ethiopia", "Africa/Addis_Ababa"}, {"south africa", "Africa/Johannesburg"}, {"sudan", "Africa/Khartoum"}, {"somalia", "Africa/Mogadishu"}, {"ghana", "Africa/Accra"}, {"senegal", "Africa/Dakar"}, {"morocco", "Africa/Casablanca"}, {"algeria", "Africa/Algiers"}, {"tunisia", "Africa/Tunis"}, {"libya", "Africa/Tripoli"}, {"new zealand", "Pacific/Auckland"},
}

// NewExtractor compiles the rules and tables once.
func NewExtractor(opts Options) *Extractor {
	x := &Extractor{
		opts:           opts,
		lx:             newLexicon(),
		countNouns:     newCountNouns(),
		tenseWords:     newTenseWords(),
		whenHourMinute: en.HourMinute(rules.Override),
		whenHour:       en.Hour(rules.Override),
		whenOpts:       rules.Options{Afternoon: 15, Evening: 18, Morning: 8, Noon: 12, Distance: 5},
	}
	for w := range x.tenseWords {
		// every tense word is 2 to 31 letters a-z (TestTenseLead); one
		// that is not turns the prefilter off rather than be missed
		if len(w) < 2 || len(w) > 31 || w[0]-'a' >= 26 || w[1]-'a' >= 26 {
			x.tenseNoLead = true
			break
		}
		x.tenseLead[int(w[0]-'a')*26+int(w[1]-'a')] |= 1 << len(w)
	}
	x.signalLead = x.tenseLead
	for _, w := range signalWords {
		x.signalLead[int(w[0]-'a')*26+int(w[1]-'a')] |= 1 << len(w)
	}
	x.sigIDs = x.signalIDs()
	x.toID, x.untilID, x.sinceID = x.lexID("to"), x.lexID("until"), x.lexID("since")
	x.paperNames = map[string]bool{}
	for _, w := range []string{"times", "telegraph", "mirror", "express", "post", "herald", "mail", "independent", "tribune", "star", "observer", "standard", "edition", "magazine", "review", "journal", "sport", "show", "football", "night", "club", "school", "service", "programme", "program", "supplement", "people", "sun", "record", "age", "news", "morning", "briefing", "live", "talk"} {
		x.paperNames[w] = true
	}
	x.dayNames = map[string]bool{}
	for _, w := range []string{"black", "cyber", "good", "easter", "palm", "ash", "holy", "super", "blue", "bloody", "man", "girl", "joe", "maundy", "shrove", "whit", "low", "giving", "mad", "fat", "plough", "clean", "great", "red", "white", "orange", "green", "manic", "freaky", "casual", "spy", "silent"} {
		x.dayNames[w] = true
	}
	x.ordAdj = map[string]bool{"consecutive": true, "straight": true, "successive": true, "time": true, "round": true, "term": true, "largest": true, "biggest": true, "half": true, "quarter": true, "place": true, "world": true, "day": true, "week": true, "year": true, "month": true}
	x.pool.New = func() any { b := make([]tok, 0, 1024); return &b }
	x.cpool.New = func() any { return &candScratch{cands: make([]cand, 0, 64)} }
	x.spool.New = func() any { return new(segScratch) }
	x.initZones()
	return x
}

// Extract returns every temporal expression in a.Body, in body order, each
// resolved against a's publication day in a's zone. Expressions in page
// furniture are returned with Furniture set.
//
// A body longer than chunkBytes is tokenised a run of paragraphs at a
// time into one reused buffer, so the tagger's memory is bounded by the
// largest paragraph rather than by the body; the result is the same.
func (x *Extractor) Extract(a *Article) []Mention {
	return x.extract(a, chunkBytes, nil)
}

// ExtractInto is [Extractor.Extract] with the mentions written into buf's
// storage, from its start, when it has room: a caller that is done with
// one article's mentions before it tags the next passes the last result
// back (as buf[:0]) and allocates no new slice. buf's old elements are
// overwritten; the result is the same as Extract's, except that it is
// empty rather than nil when buf is not nil.
func (x *Extractor) ExtractInto(a *Article, buf []Mention) []Mention {
	if ms := x.extract(a, chunkBytes, buf[:0]); ms != nil {
		return ms
	}
	return buf[:0]
}

// chunkBytes is the size of the runs of paragraphs a long body is
// tokenised in (a run holds whole paragraphs, so it may be longer).
const chunkBytes = 1 << 20

// extract is Extract with bodies tokenised chunk bytes at a time and the
// mentions written into buf (empty) when it has room. It returns nil when
// there is no mention.
func (x *Extractor) extract(a *Article, chunk int, buf []Mention) []Mention {
	if a == nil || a.Body == "" {
		return nil
	}
	body := a.Body
	bp := x.pool.Get().(*[]tok)
	cp := x.cpool.Get().(*candScratch)
	sc := x.spool.Get().(*segScratch)
	toks, cands := (*bp)[:0], cp.cands[:0]
	defer func() {
		*bp, cp.cands = toks[:0], cands[:0]
		x.pool.Put(bp)
		x.cpool.Put(cp)
		x.spool.Put(sc)
	}()
	r := resolver{loc: a.loc(), undated: a.Undated || x.opts.NoResolve, tc: &cp.timex, plain: x.plainResolve}
	r.zm = cp.zones.of(r.loc)
	if !r.undated {
		r.anchor = a.pubDayStart()
		if !a.DateOnly && !a.Published.IsZero() {
			r.pub = a.Published
		}
		if r.anchor.Location() == r.loc {
			// the zone period of the publication day: most dates an
			// article gives fall in it (see resolver.dayAt)
			if r.plain {
				r.zs = spanOf(r.anchor)
			} else {
				r.periodAt(r.anchor.Unix())
			}
		}
	}
	if len(body) <= chunk {
		if need := len(body)/3 + 16; cap(toks) < need {
			toks = make([]tok, 0, need) // see tokens
		}
		if sc.stops == nil {
			sc.stops = make([]int32, 0, 256) // not nil: the stops are known
		}
		sc.stops = sc.stops[:0]
		toks = x.lx.tokenizeStops(body, 0, len(body), toks, &sc.stops)
		cands = x.scan(body, toks, cands)
		if len(cands) == 0 {
			return nil
		}
		segs := segmentLex(body, toks, x.lx.fws, sc.stops, sc)
		out := buf
		if cap(out) < len(cands) {
			out = make([]Mention, 0, len(cands))
		}
		si := 0
		out = x.mentions(a, body, toks, cands, segs, &r, &si, out)
		x.attachClocks(body, clockSpecs{dense: cands}, out, &r)
		return out
	}
	// A long body: segment it first (the furniture rules look at the
	// whole page), then tokenise and scan it a run of whole paragraphs at
	// a time. No rule reaches across a blank line, so the runs give the
	// matches, sentences and contexts of the whole body.
	segs := segment(body, nil, sc)
	out := buf
	var clocks []cand // the clock times of every run, a = mention index
	si := 0
	for p := 0; p < len(sc.paras); {
		q := p + 1
		for q < len(sc.paras) && sc.paras[q-1].end-sc.paras[p].start < chunk {
			q++
		}
		from, to := sc.paras[p].start, sc.paras[q-1].end
		p = q
		toks = x.tokens(body, from, to, toks)
		cands = x.scan(body, toks, cands[:0])
		if len(cands) == 0 {
			continue
		}
		if need := len(out) + len(cands); cap(out) < need {
			// grow to the count the body so far predicts (and a sixteenth
			// more), not by doubling
			est := int64(need) * int64(len(body)) / int64(to)
			grown := make([]Mention, len(out), need+int(est+est/16))
			copy(grown, out)
			out = grown
		}
		k0 := len(out)
		out = x.mentions(a, body, toks, cands, segs, &r, &si, out)
		for ci := range cands {
			if cands[ci].sp.op == opClock {
				c := cands[ci]
				c.a, c.b = k0+ci, k0+ci+1
				clocks = append(clocks, c)
			}
		}
	}
	if len(out) == 0 {
		return nil
	}
	x.attachClocks(body, clockSpecs{sparse: clocks}, out, &r)
	return out
}

// tokens tokenises body[from:to] into buf, growing it once to the size
// the stretch needs.
func (x *Extractor) tokens(body string, from, to int, buf []tok) []tok {
	if need := (to-from)/3 + 16; cap(buf) < need {
		// about one token per 4–5 bytes of news text: size once, never grow
		buf = make([]tok, 0, need)
	}
	return x.lx.tokenizeRange(body, from, to, buf)
}

// mentions appends the mentions of cands (matches over toks) to out,
// resolving them in order with r; si is the index in segs of the segment
// the last mention was in.
func (x *Extractor) mentions(a *Article, body string, toks []tok, cands []cand, segs []Segment, r *resolver, si *int, out []Mention) []Mention {
	ka, kb := 0, 0 // the sentence's first token and the one after it
	lastStart, lastEnd := 0, 0
	for ci := range cands {
		c := &cands[ci]
		s, e := int(toks[c.a].s), int(toks[c.b-1].e)
		for *si < len(segs) && segs[*si].End <= s {
			*si++
		}
		var seg Segment
		if *si < len(segs) && segs[*si].Start <= s {
			seg = segs[*si]
		} else {
			seg = Segment{Span: Span{s, e}}
		}
		// an expression across a sentence break ("Dec.|3" split by a
		// segmenter): its sentence runs on to the segment holding its end
		for k := *si + 1; seg.End < e && k < len(segs); k++ {
			seg.End = segs[k].End
		}
		if seg.End < e {
			seg.End = e
		}
		// the sentence's tokens [sa, sb), never narrower than the match:
		// the first token at or after seg.Start lies at or before c.a,
		// the first at or after seg.End at or after c.b. Sentences come
		// in order, so the searches walk on from the last ones.
		if seg.Start < lastStart || ka > c.a {
			ka = 0
		}
		ka = tokAt(toks, ka, c.a+1, seg.Start)
		sa := min(ka, c.a)
		lastStart = seg.Start
		if kb < c.b || seg.End < lastEnd {
			kb = c.b
		}
		kb = tokFrom(toks, kb, seg.End)
		sb := kb
		lastEnd = seg.End
		tense, signal := TenseUnknown, ""
		if c.sp.kind == KindDate || c.sp.kind == KindTime {
			tense, signal = x.tenseAt(body, toks, sa, sb, c.a, c.b)
			c.sp.plan = planSignal(signal)
			if c.sp.op == opClock && tense == TenseFuture && x.tenseWords[signal] == 'S' {
				// "the market closes at 4 p.m.": a timetable, not the
				// next day's event
				tense, signal = TenseUnknown, ""
			}
		}
		if c.sp.op == opClock && c.sp.zone == "local" {
			c.sp.zloc = x.localZone(body, toks, sa, sb, a)
		}
		v := r.resolve(&c.sp, tense)
		// filled in place: a Mention built on the stack and appended
		// would be copied once more, under the write barrier
		if len(out) == cap(out) {
			out = slices.Grow(out, 1)
		}
		out = out[:len(out)+1]
		m := &out[len(out)-1]
		m.Text, m.Span, m.Sentence = body[s:e], Span{s, e}, seg.Span
		m.Value, m.Tense, m.Signal = v, tense, signal
		m.Rule, m.Furniture = c.sp.rule, seg.Furniture
		// the reference date for anaphoric expressions ("the day before",
		// "two days later"): the last date placed on the calendar
		if !v.When.IsZero() && (v.Kind == KindDate || v.Kind == KindTime) && !seg.Furniture {
			ref := v.When
			if ref.Gran < GranDay {
				ref = r.unitInterval(ref.Start, GranDay)
			}
			if ref.Gran <= GranYear && !x.afterSince(body, toks, c.a) {
				r.ref = ref
				if ref.Gran == GranDay {
					r.refDay = ref
				}
			}
		}
	}
	return out
}

// clockSpecs gives the clock-time specs of the mentions: dense holds the
// candidate of every mention (index k), sparse only the clock times,
// with a set to the mention index, in order.
type clockSpecs struct {
	dense  []cand
	sparse []cand
}

// none reports whether no mention is a clock time (most articles have
// none: then attachClocks has nothing to do).
func (cs clockSpecs) none() bool {
	if cs.dense == nil {
		return len(cs.sparse) == 0
	}
	for k := range cs.dense {
		if cs.dense[k].sp.op == opClock {
			return false
		}
	}
	return true
}

// at returns the spec of mention k when it is a clock time, else nil.
func (cs clockSpecs) at(k int) *spec {
	if cs.dense != nil {
		if k < len(cs.dense) && cs.dense[k].sp.op == opClock {
			return &cs.dense[k].sp
		}
		return nil
	}
	lo, hi := 0, len(cs.sparse)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if cs.sparse[m].a < k {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(cs.sparse) && cs.sparse[lo].a == k {
		return &cs.sparse[lo].sp
	}
	return nil
}

// tokAt returns the first index k in [lo, hi) with toks[k].s >= pos, or
// hi (a binary search: token starts increase).
func tokAt(toks []tok, lo, hi, pos int) int {
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if int(toks[m].s) < pos {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// tokFrom returns the first index k >= lo with toks[k].s >= pos, or
// len(toks): the walk on from lo, in steps that double and then a binary
// search (token starts increase; the walk is usually a sentence long).
func tokFrom(toks []tok, lo, pos int) int {
	if lo >= len(toks) || int(toks[lo].s) >= pos {
		return lo
	}
	// toks[lo].s < pos, and toks[hi].s >= pos when hi < len(toks)
	hi := lo + 1
	for step := 2; hi < len(toks) && int(toks[hi].s) < pos; step *= 2 {
		lo, hi = hi, hi+step
	}
	return tokAt(toks, lo+1, min(hi, len(toks)), pos)
}

// attachClocks puts a clock time on the day written next to it ("5 p.m.
// EDT Friday", "on Tuesday at 14:30") instead of the publication day.
func (x *Extractor) attachClocks(body string, cands clockSpecs, out []Mention, r *resolver) {
	if r.undated || cands.none() {
		return // every step below starts from a clock time
	}
	// first the clock times with a day written next to them, then those
	// that restate such a clock time in another zone
	for pass := 0; pass < 2; pass++ {
		for k := range out {
			sp := cands.at(k)
			if sp == nil {
				continue
			}
			day := writtenDay(body, out, k)
			if pass == 1 {
				if !day.IsZero() {
					continue
				}
				day = x.sameInstant(body, cands, out, k, r)
			}
			if day.IsZero() {
				continue
			}
			anchor, pub := r.anchor, r.pub
			r.anchor, r.pub = day.Start, time.Time{} // the written day stands
			v := r.resolve(sp, out[k].Tense)
			r.anchor, r.pub = anchor, pub
			out[k].Value = v
		}
	}
	x.carryDay(body, cands, out, r)
}

// writtenDay returns the day written right next to mention k ("5 p.m.
// EDT Friday", "on Tuesday at 14:30"), or a zero Interval.
func writtenDay(body string, out []Mention, k int) Interval {
	if k+1 < len(out) && out[k+1].When.Gran == GranDay && smallGap(body[out[k].Span.End:out[k+1].Span.Start]) {
		return out[k+1].When
	}
	if k > 0 && out[k-1].When.Gran == GranDay && smallGap(body[out[k-1].Span.End:out[k].Span.Start]) {
		return out[k-1].When
	}
	return Interval{}
}

// sameInstant finds the day of clock k from a clock next to it that gives
// the same instant in another zone and has its own day: "3 p.m. Ottawa
// time, or 1:30 a.m. IST on Wednesday", "2 p.m. ET (1900 GMT) Monday".
func (x *Extractor) sameInstant(body string, cands clockSpecs, out []Mention, k int, r *resolver) Interval {
	sp := cands.at(k)
	zl := sp.zloc
	if zl == nil {
		zl = r.loc
	}
	for _, o := range [2]int{k + 1, k - 1} {
		if o < 0 || o >= len(out) || cands.at(o) == nil || writtenDay(body, out, o).IsZero() || out[o].When.IsZero() {
			continue
		}
		lo, hi := out[k].Span.End, out[o].Span.Start
		if o < k {
			lo, hi = out[o].Span.End, out[k].Span.Start
		}
		g := strings.TrimSpace(strings.Trim(strings.TrimSpace(body[lo:hi]), ",()"))
		if g != "" && g != "or" {
			continue
		}
		t := out[o].When.Start.In(zl)
		if t.Hour() == sp.hh && t.Minute() == sp.mi {
			return r.unitInterval(time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, r.loc), GranDay)
		}
	}
	return Interval{}
}

// smallGap reports whether the text between two expressions only joins
// them: spaces, a comma, "on", "at", "by".
func smallGap(s string) bool {
	s = strings.TrimSpace(strings.Trim(strings.TrimSpace(s), ","))
	if len(s) > 2 {
		// every joining word is two bytes, and so is its lower case
		// (no longer text lowers to two ASCII bytes): no need to lower
		// a whole paragraph
		return false
	}
	switch strings.ToLower(s) {
	case "", "on", "at", "by", "of":
		return true
	}
	return false
}

// scan runs the rules around every trigger token, left to right; a match
// consumes its tokens (see matcher.scanAll).
func (x *Extractor) scan(body string, toks []tok, out []cand) []cand {
	m := newMatcher(x, body, toks)
	return m.scanAll(out)
}

// nextTrigger returns the index of the first trigger token at or after
// i, or len(toks) (a loop of its own, with no call in it). Most tokens
// are no triggers: it tests four at a time while four are left.
func nextTrigger(toks []tok, i int) int {
	for ; i+4 <= len(toks); i += 4 {
		q := toks[i : i+4 : i+4]
		if (q[0].cls|q[1].cls|q[2].cls|q[3].cls)&clsTrigger != 0 {
			break
		}
	}
	for i < len(toks) && toks[i].cls&clsTrigger == 0 {
		i++
	}
	return i
}

// ampmBefore reports whether tokens just before token j spell "a.m." or
// "p.m.".
func ampmBefore(body string, toks []tok, j int) bool {
	if j < 4 || toks[j-1].k != tkPunct || body[toks[j-1].s] != '.' || toks[j-3].k != tkPunct || body[toks[j-3].s] != '.' {
		return false
	}
	m, ap := body[toks[j-2].s:toks[j-2].e], body[toks[j-4].s:toks[j-4].e]
	return (m == "m" || m == "M") && (ap == "a" || ap == "p" || ap == "A" || ap == "P")
}

// lexID returns the lexicon entry of the lower-case word w as the
// tokenizer gives it to a token of w, or 0.
func (x *Extractor) lexID(w string) uint16 {
	toks := x.lx.tokenizeRange(w, 0, len(w), nil)
	if len(toks) != 1 || toks[0].k != tkWord || x.lx.words[toks[0].id] != w {
		return 0
	}
	return toks[0].id
}

// afterSince is the function afterSince, deciding a word with a
// lexicon entry by the entry: the word is "since" (in any case) when
// the entry is.
func (x *Extractor) afterSince(body string, toks []tok, a int) bool {
	if a > 0 && toks[a-1].k == tkWord {
		if id := toks[a-1].id; id != 0 && x.sinceID != 0 {
			return id == x.sinceID
		}
	}
	return afterSince(body, toks, a)
}

// afterSince reports whether the expression at token a follows "since"
// (a bound of a comparison, not the time the narrative moves to).
func afterSince(body string, toks []tok, a int) bool {
	if a == 0 || toks[a-1].k != tkWord {
		return false
	}
	w := body[toks[a-1].s:toks[a-1].e]
	if !toks[a-1].hi {
		// ASCII letters: |0x20 is the lower case
		return len(w) == 5 && w[0]|0x20 == 's' && w[1]|0x20 == 'i' && w[2]|0x20 == 'n' && w[3]|0x20 == 'c' && w[4]|0x20 == 'e'
	}
	return strings.EqualFold(w, "since")
}

// localZone finds the zone of "local time": a place named in the sentence,
// else the article's dateline (front matter, or a capitalised first body
// line such as "WASHINGTON"). Nil when neither names a known place.
func (x *Extractor) localZone(body string, toks []tok, sa, sb int, a *Article) *time.Location {
	// a city named in the sentence, else a country
	var country *time.Location
	for j := sa; j < sb; j++ {
		if toks[j].k != tkWord || !toks[j].cap {
			continue
		}
		w := lowerASCII(body[toks[j].s:toks[j].e])
		if j+1 < sb && toks[j+1].k == tkWord && toks[j+1].cap {
			w2 := w + " " + lowerASCII(body[toks[j+1].s:toks[j+1].e])
			if loc, isCountry := x.place(w2); loc != nil && !isCountry {
				return loc
			} else if loc != nil && country == nil {
				country = loc
			}
		}
		if loc, isCountry := x.place(w); loc != nil && !isCountry {
			return loc
		} else if loc != nil && country == nil {
			country = loc
		}
	}
	if country != nil {
		return country
	}
	// the dateline: front matter, then an upper-case line among the first
	// lines ("WASHINGTON", "AREQUIPA, Peru"); any comma-separated part
	// (city or country) may name the place
	dls := [2]string{a.Dateline}
	rest := body
	for n := 0; n < 5 && rest != ""; n++ {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		l := strings.TrimSpace(line)
		if l == "" {
			n--
			continue
		}
		place, _, _ := strings.Cut(l, ",")
		if len(place) < 30 && place == strings.ToUpper(place) && strings.ToLower(place) != place {
			dls[1] = l
			if len(l) > 60 {
				dls[1] = place
			}
			break
		}
	}
	for _, dl := range dls {
		for part := range strings.SplitSeq(dl, ",") {
			if loc, _ := x.place(strings.ToLower(strings.TrimSpace(part))); loc != nil {
				return loc
			}
		}
	}
	return nil
}
