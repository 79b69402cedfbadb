package parse

// clockFast reads the windows matchClock gives olebedev/when's clock
// rules in their common shapes, without running the rules' regular
// expressions: "16:08", "5:30 pm", "10:30 a.m." (minutes true: the
// HourMinute rule) and "5 pm", "11 p.m." (minutes false: the Hour rule).
// It gives what whenClock gives on such a window (TestClockFast compares
// them on every shape); known is false for any other window, which the
// caller then hands to the rule.
//
// The rules, with (?i), from the window's start: HourMinute reads
// ([0-1]?[0-9]|2[0-3]) ':' ([0-5][0-9]), an optional
// \s*(A\.|P\.|A\.M\.|P\.M\.|AM?|PM?) and then a non-word byte or the end;
// Hour reads \d{1,2} and the same suffix, not optional. Their appliers
// refuse an hour above 12 with a suffix (above 23 without) and add 12 to
// a "p" hour below 12.
func clockFast(win string, minutes bool) (hh, mi int, ok, known bool) {
	i := 0
	for i < len(win) && i < 2 && win[i] >= '0' && win[i] <= '9' {
		hh = hh*10 + int(win[i]-'0')
		i++
	}
	if i == 0 || i < len(win) && win[i] >= '0' && win[i] <= '9' {
		return 0, 0, false, false
	}
	if minutes {
		if i+3 > len(win) || win[i] != ':' || !isDigit(win[i+1]) || !isDigit(win[i+2]) || i+3 < len(win) && isDigit(win[i+3]) {
			return 0, 0, false, false
		}
		if i == 2 && (win[0] > '2' || win[0] == '2' && win[1] > '3') || win[i+1] > '5' {
			// no hour or minute the rule reads: no match at the start
			return 0, 0, false, true
		}
		mi = int(win[i+1]-'0')*10 + int(win[i+2]-'0')
		i += 3
	}
	// the suffix: white space the rule's \s reads, then a.m./p.m. in one
	// of the spellings matchClock passes on, and nothing after it
	rest := win[i:]
	k := 0
	for k < len(rest) && (rest[k] == ' ' || rest[k] == '\t' || rest[k] == '\n' || rest[k] == '\r' || rest[k] == '\f') {
		k++
	}
	ap := byte(0)
	switch suf := rest[k:]; {
	case suf == "" && k == 0 && minutes:
	case len(suf) == 2 && suf[1]|0x20 == 'm',
		len(suf) == 3 && suf[1] == '.' && suf[2]|0x20 == 'm',
		len(suf) == 4 && suf[1] == '.' && suf[2]|0x20 == 'm' && suf[3] == '.':
		ap = suf[0] | 0x20
		if ap != 'a' && ap != 'p' {
			return 0, 0, false, false
		}
	default:
		return 0, 0, false, false
	}
	if ap == 0 {
		return hh, mi, true, true // hh <= 23: the hour group read it
	}
	if hh > 12 {
		return 0, 0, false, true
	}
	if ap == 'p' && hh < 12 {
		hh += 12
	}
	return hh, mi, true, true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
