package parse

import (
	"sync"
	"testing"
	"time"
)

// eagerPlaces is what NewExtractor built before the zones were loaded
// lazily: every place name whose zone loads, and the countries among
// them.
func eagerPlaces(t *testing.T) (map[string]*time.Location, map[string]bool) {
	t.Helper()
	places, countries := map[string]*time.Location{}, map[string]bool{}
	for _, p := range placeZones {
		if loc, err := time.LoadLocation(p[1]); err == nil {
			places[p[0]] = loc
		}
	}
	for _, p := range countryZones {
		if loc, err := time.LoadLocation(p[1]); err == nil {
			places[p[0]] = loc
			countries[p[0]] = true
		}
	}
	return places, countries
}

// sameZone reports whether two zones are the same named zone with the
// same offsets at a few instants (nil only equals nil).
func sameZone(a, b *time.Location) bool {
	if a == nil || b == nil {
		return a == b
	}
	if a.String() != b.String() {
		return false
	}
	for _, u := range []int64{0, 1e9, 1.7e9, 1.75e9, 1.8e9} {
		_, oa := time.Unix(u, 0).In(a).Zone()
		_, ob := time.Unix(u, 0).In(b).Zone()
		if oa != ob {
			return false
		}
	}
	return true
}

// placeNames returns every place name of placeZones and countryZones.
func placeNames() []string {
	var names []string
	for _, p := range placeZones {
		names = append(names, p[0])
	}
	for _, p := range countryZones {
		names = append(names, p[0])
	}
	return names
}

// TestPlacesLazy checks the lazily loaded place and zone tables against
// the eager ones, name by name, and the names that are no place.
func TestPlacesLazy(t *testing.T) {
	places, countries := eagerPlaces(t)
	x := NewExtractor(Options{})
	names := placeNames()
	names = append(names, "atlantis", "", "New York", "new  york")
	for _, name := range names {
		t.Run("place/"+name, func(t *testing.T) {
			loc, country := x.place(name)
			if !sameZone(loc, places[name]) || country != countries[name] {
				t.Fatalf("place(%q) = %v, %v; eager %v, %v", name, loc, country, places[name], countries[name])
			}
			if got := x.placeLoc(name); got != loc {
				t.Fatalf("placeLoc(%q) = %v, place gave %v", name, got, loc)
			}
		})
	}
	for _, name := range append(usZones[:], "Europe/Paris", "Nowhere/Atlantis", "") {
		t.Run("zone/"+name, func(t *testing.T) {
			var want *time.Location
			for _, u := range usZones {
				if u == name {
					want, _ = time.LoadLocation(name)
				}
			}
			if got := x.zone(name); !sameZone(got, want) {
				t.Fatalf("zone(%q) = %v, want %v", name, got, want)
			}
		})
	}
}

// TestPlacesFailedZone checks that a place whose zone does not load is
// an unknown place (as NewExtractor left it out of its table), for
// place, placeLoc and localZone.
func TestPlacesFailedZone(t *testing.T) {
	x := NewExtractor(Options{})
	idx := map[string]uint16{}
	x.zoneSet = zoneSet{}
	x.places = map[string]placeEnt{
		"atlantis": {zone: x.zoneSet.add("Nowhere/Atlantis", idx), country: true},
		"lemuria":  {zone: x.zoneSet.add("Nowhere/Lemuria", idx)},
		"paris":    {zone: x.zoneSet.add("Europe/Paris", idx)},
	}
	x.zones = map[string]uint16{"Nowhere/Atlantis": idx["Nowhere/Atlantis"]}
	x.zoneSet.slots = make([]zoneSlot, len(x.zoneSet.names))
	for _, tc := range []struct {
		name    string
		want    string // zone name, "" for nil
		country bool
	}{
		{"atlantis", "", false},
		{"lemuria", "", false},
		{"paris", "Europe/Paris", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for range 2 { // the second call reads the loaded slot
				loc, country := x.place(tc.name)
				got := ""
				if loc != nil {
					got = loc.String()
				}
				if got != tc.want || country != tc.country {
					t.Fatalf("place(%q) = %q, %v; want %q, %v", tc.name, got, country, tc.want, tc.country)
				}
			}
		})
	}
	t.Run("zone", func(t *testing.T) {
		if loc := x.zone("Nowhere/Atlantis"); loc != nil {
			t.Fatalf("zone of a zone that does not load = %v, want nil", loc)
		}
	})
	t.Run("localZone", func(t *testing.T) {
		// the sentence names a place whose zone does not load: the
		// dateline's place decides
		body := "The talks in Lemuria began at 9 a.m. local time."
		toks := x.lx.tokenizeRange(body, 0, len(body), nil)
		a := &Article{Body: body, Dateline: "PARIS"}
		if loc := x.localZone(body, toks, 0, len(toks), a); loc == nil || loc.String() != "Europe/Paris" {
			t.Fatalf("localZone = %v, want Europe/Paris", loc)
		}
		a.Dateline = "ATLANTIS"
		if loc := x.localZone(body, toks, 0, len(toks), a); loc != nil {
			t.Fatalf("localZone = %v, want nil", loc)
		}
	})
}

// TestPlacesConcurrent looks every place and zone up from many
// goroutines at once on one fresh Extractor (run it with -race): each
// zone name is loaded once, so all its places share one *time.Location,
// and every lookup agrees with the eager table.
func TestPlacesConcurrent(t *testing.T) {
	places, countries := eagerPlaces(t)
	x := NewExtractor(Options{})
	names := placeNames()
	const workers = 8
	got := make([]map[string]*time.Location, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			m := map[string]*time.Location{}
			for i := range names {
				// each worker starts at its own name, so that first uses
				// of a zone race
				name := names[(i+w*37)%len(names)]
				loc, _ := x.place(name)
				m[name] = loc
				for _, z := range usZones {
					m[z] = x.zone(z)
				}
			}
			got[w] = m
		}()
	}
	wg.Wait()
	byZone := map[string]*time.Location{}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			for w := range workers {
				loc := got[w][name]
				if loc != got[0][name] {
					t.Fatalf("worker %d got %p, worker 0 %p: the zone was loaded twice", w, loc, got[0][name])
				}
				if !sameZone(loc, places[name]) {
					t.Fatalf("worker %d: %v, eager %v", w, loc, places[name])
				}
			}
			if _, c := x.place(name); c != countries[name] {
				t.Fatalf("country = %v, want %v", c, countries[name])
			}
			if loc := got[0][name]; loc != nil {
				if p, ok := byZone[loc.String()]; ok && p != loc {
					t.Fatalf("zone %s has two *time.Location", loc)
				}
				byZone[loc.String()] = loc
			}
		})
	}
	for _, z := range usZones {
		if p, ok := byZone[z]; ok && p != got[0][z] {
			t.Fatalf("zone %s: place and zone tables hold two *time.Location", z)
		}
	}
}

// BenchmarkNewExtractor measures the start-up cost of an Extractor.
func BenchmarkNewExtractor(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if x := NewExtractor(Options{}); x == nil {
			b.Fatal("nil Extractor")
		}
	}
}
