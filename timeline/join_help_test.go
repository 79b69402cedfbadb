package timeline

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"runtime"
	"slices"
	"testing"

	"chronicle/parse"
)

// refPostings is the index postings replaces, kept plain: for each key
// its list of clusters, newest first; a cluster already at the head of a
// key's list is not added again.
type refPostings map[uint64][]int32

func (r refPostings) add(tok, space uint32, n0, n1 int64, ci int32) {
	for n := n0; n <= n1; n++ {
		k := key(tok, space, n)
		if l := r[k]; len(l) > 0 && l[0] == ci {
			continue
		}
		r[k] = append([]int32{ci}, r[k]...)
	}
}

// scan returns, as a sorted set, the first limit clusters under each key
// of the range.
func (r refPostings) scan(tok, space uint32, n0, n1 int64, limit int) []int32 {
	var out []int32
	for n := n0; n <= n1; n++ {
		l := r[key(tok, space, n)]
		out = append(out, l[:min(limit, len(l))]...)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// TestPostingsMatchReference adds clusters under runs of keys (shared
// lists, repeats, clusters already at a head) and compares every scan,
// walked or remembered, with the plain index.
func TestPostingsMatchReference(t *testing.T) {
	for seed := range uint64(20) {
		rng := rand.New(rand.NewPCG(seed, 7))
		var p postings
		ref := refPostings{}
		spaces := []uint32{daySpace, weekSpace, conflictSpace}
		for op := range 3000 {
			tok := uint32(1 + rng.IntN(4))
			space := spaces[rng.IntN(len(spaces))]
			n0 := int64(rng.IntN(150))
			n1 := n0 + int64(rng.IntN(60))
			if rng.IntN(3) > 0 {
				ci := int32(rng.IntN(40))
				p.addRun(tok, space, n0, n1, ci)
				ref.add(tok, space, n0, n1, ci)
				continue
			}
			limit := 1 + rng.IntN(8)
			want := ref.scan(tok, space, n0, n1, limit)
			p.newWalk()
			got := p.scanCached(tok, space, n0, n1, limit, nil)
			// a second scan in the same walk may append nothing new
			got = p.scanRange(tok, space, n0, n1, limit, got)
			slices.Sort(got)
			got = slices.Compact(got)
			if !slices.Equal(got, want) {
				t.Fatalf("seed %d, op %d: scan of token %d, space %d, keys %d–%d, limit %d = %v, want %v", seed, op, tok, space, n0, n1, limit, got, want)
			}
			// one key, in order
			k := key(tok, space, n0)
			l := ref[k]
			if got, want := p.scan(k, limit, nil), l[:min(limit, len(l))]; !slices.Equal(got, want) && len(got)+len(want) > 0 {
				t.Fatalf("seed %d, op %d: scan of key %x = %v, want %v", seed, op, k, got, want)
			}
		}
	}
}

// testMerger returns a merger with a random vocabulary of n tokens (names,
// known event words, other predicates) and random weights.
func testMerger(rng *rand.Rand, n int) *merger {
	mg := newMerger(&Timeline{}, 1)
	mg.items = make([]item, 1000)
	mg.weight = make([]float64, n)
	mg.isName = make([]bool, n)
	mg.known = make([]bool, n)
	mg.voc.df = make([]int32, n)
	for t := range n {
		mg.weight[t] = math.Log(1 + 1000/float64(1+rng.IntN(900)))
		mg.isName[t] = rng.IntN(3) == 0
		mg.known[t] = !mg.isName[t] && rng.IntN(3) == 0
		mg.voc.df[t] = int32(1 + rng.IntN(600))
		if rng.IntN(8) == 0 {
			mg.sure[uint32(t)] = true
		}
	}
	mg.say = uint32(rng.IntN(n))
	return mg
}

// randomBag returns a bag of up to max distinct tokens below n, sorted,
// each counted up to members times, over that many members.
func randomBag(rng *rand.Rand, n, max, members int) bag {
	var b bag
	b.n = members
	for _, t := range rng.Perm(n)[:rng.IntN(max+1)] {
		b.toks = append(b.toks, tokCount{uint32(t), float32(1 + rng.IntN(members))})
	}
	slices.SortFunc(b.toks, func(x, y tokCount) int { return int(x.tok) - int(y.tok) })
	for range rng.IntN(3) {
		b.heads = append(b.heads, tokCount{uint32(rng.IntN(n)), 1})
	}
	return b
}

// overlapOf is what phaseJoin measured before overlapSums: the shared
// names, objects and predicates of two sorted bags.
func (mg *merger) overlapOf(a, b []tokCount) overlap {
	var ov overlap
	i, j := 0, 0
	for ; j < len(b) && i < len(a); j++ {
		tb := b[j].tok
		for i < len(a) && a[i].tok < tb {
			i++
		}
		if i < len(a) && a[i].tok == tb {
			switch {
			case mg.isName[tb]:
				ov.names++
				ov.rare = ov.rare || int(mg.voc.df[tb])*commonShare < len(mg.items)
			case !mg.known[tb]:
				ov.objects++
				ov.preds++
			default:
				ov.preds++
			}
			i++
		}
	}
	return ov
}

// TestOverlapSums checks that the one-pass measure of bestOf gives the
// overlap and, with the sides' sums, the very similarity (to the bit)
// that overlapOf and sim give.
func TestOverlapSums(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 20000 {
		mg := testMerger(rng, 40)
		a := randomBag(rng, 40, 12, 1)
		b := randomBag(rng, 40, 30, 1+rng.IntN(9))
		ov, s := mg.overlapSums(a, b)
		if want := mg.overlapOf(a.toks, b.toks); ov != want {
			t.Fatalf("round %d: overlap %+v, want %+v", round, ov, want)
		}
		s.aN, s.aP = mg.sides(a)
		s.bN, s.bP = mg.sides(b)
		got, want := mg.simOf(&s, a.heads, b.heads), mg.sim(a, b)
		if math.Float64bits(got) != math.Float64bits(want) {
			t.Fatalf("round %d: similarity %v, want %v (bags %v and %v)", round, got, want, a, b)
		}
	}
}

// TestCompatibleAllBounds checks the bounds compatibleAll tries first
// against comparing every date, on clusters built by join and absorb.
func TestCompatibleAllBounds(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	grans := []parse.Granularity{parse.GranMinute, parse.GranHour, parse.GranDay, parse.GranWeek, parse.GranMonth, parse.GranYear}
	randomItem := func() item {
		g := grans[rng.IntN(len(grans))]
		fs := int64(rng.IntN(40)) * day / 2
		span := map[parse.Granularity]int64{parse.GranMinute: 60, parse.GranHour: 3600, parse.GranDay: day, parse.GranWeek: 7 * day, parse.GranMonth: 30 * day, parse.GranYear: 365 * day}[g]
		it := item{fs: fs, fe: fs + span, g: int8(g), dur: rng.IntN(10) == 0, when: whenZero}
		if rng.IntN(3) == 0 {
			it.cue = cueEarly
		} else if rng.IntN(3) == 0 {
			it.cue = cueLate
		}
		return it
	}
	for round := range 2000 {
		mg := testMerger(rng, 10)
		mg.items = mg.items[:0]
		for range 12 {
			mg.items = append(mg.items, randomItem())
		}
		// clusters 0–2 of one item each; join some items, absorb one
		for ci := range 3 {
			mg.first = append(mg.first, int32(ci))
			mg.multi = append(mg.multi, nil)
		}
		for ii := int32(3); ii < 9; ii++ {
			mg.join(int32(rng.IntN(3)), ii, nil, nil)
		}
		mg.parent = []int32{0, 1, 2}
		if rng.IntN(2) == 0 {
			mg.absorb(0, 1)
		}
		for ci := range int32(3) {
			for ii := 9; ii < 12; ii++ {
				it := &mg.items[ii]
				want := true
				for _, v := range mg.vals(ci) {
					if !mg.compatible(&mg.items[v], it) {
						want = false
						break
					}
				}
				if got := mg.compatibleAll(ci, it); got != want {
					t.Fatalf("round %d: cluster %d, item %+v: compatibleAll = %v, want %v", round, ci, *it, got, want)
				}
			}
		}
	}
}

// TestPermute checks the in-place permutation and the canonical order
// sorted in two halves against one sort.
func TestPermute(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for _, n := range []int{0, 1, 2, 7, 100, 5000} {
		xs := make([]int, n)
		perm := make([]int32, n)
		for i := range xs {
			xs[i] = 10 * i
			perm[i] = int32(i)
		}
		rng.Shuffle(n, func(i, j int) { perm[i], perm[j] = perm[j], perm[i] })
		permute(xs, perm)
		for k := range xs {
			if xs[k] != 10*int(perm[k]) {
				t.Fatalf("n=%d: xs[%d] = %d, want %d", n, k, xs[k], 10*perm[k])
			}
		}
	}
	for _, workers := range []int{1, 2} {
		mg := newMerger(&Timeline{}, workers)
		mg.docRank = make([]int32, 50)
		for d := range mg.docRank {
			mg.docRank[d] = int32(rng.IntN(20))
		}
		for i := range 10000 {
			mg.items = append(mg.items, item{m: int32(i), doc: int32(rng.IntN(50)), g: int8(rng.IntN(4)), fs: int64(rng.IntN(30)), fe: 40, pos: int32(rng.IntN(5)*100000 + i), dur: rng.IntN(20) == 0}) // (positions differ: no mention to read)
		}
		want := make([]int32, len(mg.items))
		for i := range want {
			want[i] = int32(i)
		}
		slices.SortFunc(want, func(a, b int32) int { return mg.canonicalOrder(&mg.items[a], &mg.items[b]) })
		if got := mg.canonicalPerm(); !slices.Equal(got, want) {
			t.Errorf("workers=%d: canonical order differs from one sort", workers)
		}
	}
}

// TestChoiceAnyOrder checks that the best of a set of candidates does not
// depend on their order or on how they are split in two halves.
func TestChoiceAnyOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for range 5000 {
		cands := make([]choice, rng.IntN(12))
		for i := range cands {
			cands[i] = choice{ci: int32(i), sim: float64(rng.IntN(5)) / 8, co: rng.IntN(6) == 0}
			if cands[i].co {
				cands[i].sim = max(cands[i].sim, joinSim)
			}
		}
		fold := func(cs []choice) choice {
			best := noChoice
			for _, c := range cs {
				if best.better(c) {
					best = c
				}
			}
			return best
		}
		want := fold(cands)
		rng.Shuffle(len(cands), func(i, j int) { cands[i], cands[j] = cands[j], cands[i] })
		half := rng.IntN(len(cands) + 1)
		if got := fold(cands[:half]).or(fold(cands[half:])); got != want {
			t.Fatalf("split choice %+v, want %+v (candidates %+v)", got, want, cands)
		}
	}
}

// TestJoinHelperSameTimeline shares out every item's candidates (not only
// the coarse dates' many) and checks that the timeline is the one a
// single goroutine merges, and that the helper did compare some halves.
func TestJoinHelperSameTimeline(t *testing.T) {
	if runtime.GOMAXPROCS(0) < 2 {
		t.Skip("the helper needs two processors")
	}
	dev := loadDev(t)
	arts := make([]parse.Article, 4*len(dev))
	for i := range arts {
		a := dev[i%len(dev)]
		r := i / len(dev)
		a.Source = fmt.Sprintf("%s-%d", a.Source, r)
		a.Outlet = fmt.Sprintf("Outlet %d", r)
		a.Published = a.Published.AddDate(0, 0, r)
		arts[i] = a
	}
	ex := parse.NewExtractor(parse.Options{})
	want, err := Build(context.Background(), ex, slices.Values(arts), Options{Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer func(n int) { splitCandidates, joinStats, joinWait = n, nil, false }(splitCandidates)
	splitCandidates = 1
	got, err := Build(context.Background(), ex, slices.Values(arts), Options{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Error("the timeline merged with the helper taking what it could differs from the one merged alone")
	}
	joinWait = true // every half to the helper
	var split, helped int
	joinStats = func(s, h int) { split, helped = split+s, helped+h }
	got, err = Build(context.Background(), ex, slices.Values(arts), Options{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Error("the timeline merged with the helper taking every half differs from the one merged alone")
	}
	if split == 0 || helped != split {
		t.Errorf("%d items shared out their candidates, the helper compared %d halves: want some, all by the helper", split, helped)
	}
	t.Logf("%d items shared out their candidates; the helper compared %d halves", split, helped)
}
