package parse

// TIMEX returns the TIMEX3 value of the interval at its granularity:
// "2025-12-03", "2025-W49", "2025-11", "2025-Q4", "2025", and "" for a zero
// interval. Finer-than-day intervals are given as their day.
func (iv Interval) TIMEX() string {
	if iv.IsZero() {
		return ""
	}
	return timexOf(iv)
}
