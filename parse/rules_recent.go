package parse

// recentThing reports whether the noun phrase that starts at token j is
// a made thing, so that "recent" before it gives its age, not a time: "a
// recent browser", "recent web browsers", "a recent version of the app",
// "recent graduates". Events and states keep the tag ("recent losses",
// "the recent slump", "recent government moves"). It looks at the first
// two words only, stopping at punctuation and capitalised names.
func (m *matcher) recentThing(j int) bool {
	for k := j; k < j+2 && k < len(m.t); k++ {
		if m.t[k].k != tkWord || m.t[k].cap {
			return false
		}
		if artifactNoun(m.word(k)) {
			return true
		}
	}
	return false
}

// artifactNoun reports whether w names a product, device or version, or
// a person by the stage they reached, rather than an event.
func artifactNoun(w string) bool {
	switch w {
	case "browser", "browsers", "version", "versions", "model", "models",
		"edition", "editions", "build", "builds", "firmware", "software",
		"hardware", "device", "devices", "phone", "phones", "smartphone",
		"smartphones", "handset", "handsets", "computer", "computers",
		"laptop", "laptops", "tablet", "tablets", "processor", "processors",
		"chip", "chips", "car", "cars", "vehicle", "vehicles",
		"graduate", "graduates", "alumni", "recruit", "recruits":
		return true
	}
	return false
}
