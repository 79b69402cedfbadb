package parse

import (
	"sync"
	"time"
)

// The zones of the place names ("local time", "Ottawa time") and of the
// North American zone words ("ET", "Pacific time") are loaded on first
// use, once per zone name, rather than all in NewExtractor: an article
// names few places, and a short run (one file, a test) names none. Each
// zone has its own sync.Once, so the workers sharing an Extractor load a
// zone once between them and then read it with no lock. A zone that
// fails to load is nil: its place names are unknown places, as when
// NewExtractor skipped them.

// usZones are the zones the clock rules name directly (zoneWord,
// regionZones): Extractor.zone knows these and no other.
var usZones = [...]string{"America/New_York", "America/Los_Angeles", "America/Chicago", "America/Denver", "America/Anchorage", "Pacific/Honolulu"}

// zoneSet holds the zones an Extractor may load: names[i] is loaded into
// slots[i] on first use.
type zoneSet struct {
	names []string
	slots []zoneSlot
}

// zoneSlot is one lazily loaded zone: loc is set by once (nil when the
// zone does not load).
type zoneSlot struct {
	once sync.Once
	loc  *time.Location
}

// placeEnt is a place name's zone (an index into the zoneSet) and
// whether the place is a country.
type placeEnt struct {
	zone    uint16
	country bool
}

// add returns the index of zone name in z, adding it when new; index
// maps the names added so far to their index.
func (z *zoneSet) add(name string, index map[string]uint16) uint16 {
	if i, ok := index[name]; ok {
		return i
	}
	i := uint16(len(z.names))
	z.names = append(z.names, name)
	index[name] = i
	return i
}

// at returns zone i, loading it on first use (nil when it does not load).
func (z *zoneSet) at(i uint16) *time.Location {
	s := &z.slots[i]
	s.once.Do(func() {
		if loc, err := time.LoadLocation(z.names[i]); err == nil {
			s.loc = loc
		}
	})
	return s.loc
}

// initZones fills the Extractor's place and zone tables (names and zone
// indexes only: no zone is loaded here).
func (x *Extractor) initZones() {
	index := make(map[string]uint16, 160)
	x.places = make(map[string]placeEnt, len(placeZones)+len(countryZones))
	for _, p := range placeZones {
		x.places[p[0]] = placeEnt{zone: x.zoneSet.add(p[1], index)}
	}
	for _, p := range countryZones {
		x.places[p[0]] = placeEnt{zone: x.zoneSet.add(p[1], index), country: true}
	}
	x.zones = make(map[string]uint16, len(usZones))
	for _, name := range usZones {
		x.zones[name] = x.zoneSet.add(name, index)
	}
	x.zoneSet.slots = make([]zoneSlot, len(x.zoneSet.names))
}

// place returns the zone of a place name (lower case: "new york",
// "peru") and whether the place is a country; nil when the name is no
// known place or its zone does not load.
func (x *Extractor) place(name string) (*time.Location, bool) {
	p, ok := x.places[name]
	if !ok {
		return nil, false
	}
	loc := x.zoneSet.at(p.zone)
	return loc, loc != nil && p.country
}

// placeLoc returns the zone of a place name, as place does.
func (x *Extractor) placeLoc(name string) *time.Location {
	loc, _ := x.place(name)
	return loc
}

// zone returns the zone of an IANA name of usZones, or nil (any other
// name, or a zone that does not load).
func (x *Extractor) zone(name string) *time.Location {
	i, ok := x.zones[name]
	if !ok {
		return nil
	}
	return x.zoneSet.at(i)
}
