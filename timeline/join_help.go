package timeline

import (
	"runtime"
	"sync/atomic"
	"time"
)

// choice is the cluster an item would join: the best of its candidates.
type choice struct {
	ci  int32 // -1: none
	sim float64
	co  bool // a clock time coinciding with one of the cluster's (see coincides)
}

// noChoice is the choice before any candidate is looked at.
var noChoice = choice{ci: -1}

// better reports whether candidate x beats the choice so far: the greatest
// (co, sim), then the lowest cluster. Only a candidate with a positive
// similarity (or a coinciding clock time) is ever chosen, so the choice
// over a set of candidates is the same in any order, and the best of two
// halves' choices is the choice over the whole.
func (c choice) better(x choice) bool {
	return x.co && !c.co || x.co == c.co && (x.sim > c.sim || (x.sim == c.sim && c.ci >= 0 && x.ci < c.ci))
}

// or returns the better of two choices (see better).
func (c choice) or(x choice) choice {
	if x.ci >= 0 && c.better(x) {
		return x
	}
	return c
}

// bestOf returns the cluster among cands that item it (whose bag is ib)
// would join: the most similar one whose dates are compatible with it;
// two clusters naming people or places must share one. It writes nothing
// but its scratch bag 0 and the candidates' cached sums (see
// clusterSides), so views of one merger with scratch bags of their own
// may run it at once on candidates that are not the same.
func (mg *merger) bestOf(it *item, ib bag, cands []int32) choice {
	best := noChoice
	aN, aP := mg.sides(ib)
	for _, ci := range cands {
		if !mg.compatibleAll(ci, it) {
			continue
		}
		cb := mg.bagOf(ci, 0)
		ov, sums := mg.overlapSums(ib, cb)
		if it.nn > 0 && mg.named(ci) && ov.names == 0 && ov.objects < 2 && !mg.sameInstant(it, ci) {
			continue
		}
		if mg.weakLink(it, ov, cb, ci) {
			continue
		}
		if !mg.sameSpeaker(it, ci) {
			continue
		}
		sums.aN, sums.aP = aN, aP
		sums.bN, sums.bP = mg.clusterSides(ci, cb)
		sim := mg.simOf(&sums, ib.heads, cb.heads) // = mg.sim(ib, cb)
		if mg.sameInstant(it, ci) {
			sim = max(sim, joinSim) // one instant, written two ways: strong evidence
		}
		// a clock time that coincides with one of the cluster's, told
		// with the same event word, beats similarity
		x := choice{ci: ci, sim: sim, co: sim >= joinSim && mg.coincides(it, ci)}
		if best.better(x) {
			best = x
		}
	}
	return best
}

// overlapSums measures, in one pass, what the sorted token bags a (an
// item's) and b (a cluster's) share, and the sums of sim over the tokens
// they share.
func (mg *merger) overlapSums(a, b bag) (overlap, simWeights) {
	var ov overlap
	var s simWeights
	i := 0
	for j := 0; j < len(b.toks) && i < len(a.toks); j++ {
		tb := b.toks[j].tok
		for i < len(a.toks) && a.toks[i].tok < tb {
			i++
		}
		if i == len(a.toks) || a.toks[i].tok != tb {
			continue
		}
		w := mg.weight[tb]
		fa, fb := float64(a.toks[i].n)/float64(a.n), float64(b.toks[j].n)/float64(b.n)
		switch {
		case mg.isName[tb]:
			ov.names++
			ov.rare = ov.rare || int(mg.voc.df[tb])*commonShare < len(mg.items)
			s.shN += w * min(fa, fb)
			if fa > 0 && fb > 0 {
				s.nShared++
			}
		case !mg.known[tb]:
			ov.objects++
			ov.preds++
			s.shP += w * min(fa, fb)
		default:
			ov.preds++
			s.shP += w * min(fa, fb)
		}
		i++
	}
	return ov, s
}

// clusterSides is mg.sides(cb) for cluster ci's bag cb, kept by a
// cluster of several items until it changes (see join).
func (mg *merger) clusterSides(ci int32, cb bag) (n, p float64) {
	c := mg.multi[ci]
	if c == nil {
		return mg.sides(cb)
	}
	if !c.sidesOK {
		c.sideN, c.sideP = mg.sides(cb)
		c.sidesOK = true
	}
	return c.sideN, c.sideP
}

// splitCandidates is the number of candidates from which phaseJoin shares
// an item's comparisons with a second goroutine (see joinHelper): a year
// compares itself with a hundred clusters on average, about 15 µs of
// work, where a day compares itself with five.
var splitCandidates = 24

// joinHelper compares an item with the second half of its candidates
// while phaseJoin compares it with the first, on a second processor. The
// join itself stays sequential: the item is compared with the clusters as
// they are, and only reads happen while both halves run. When the helper
// has not taken the half by the time phaseJoin is done with its own (the
// processor is busy with other work, such as formatting the CSV rows),
// phaseJoin takes it back; so the helper never makes the join wait.
type joinHelper struct {
	state   atomic.Int32 // helperIdle, …
	started bool
	parked  atomic.Bool   // the helper waits on wake
	wake    chan struct{} // (a token in it wakes the helper, once)
	split   int           // items whose candidates were shared out
	helped  int           // … of which the helper compared its half
	exited  chan struct{}
	view    merger // the merger as of the task, with the helper's scratch bags
	it      *item
	ib      bag
	cands   []int32
	res     choice
}

const (
	helperIdle   = iota // no task
	helperPosted        // a task waits
	helperTaken         // the helper is on it
	helperDone          // its result is in res
	helperStop          // the helper is to return
)

// start starts the helper unless it runs already, and reports whether it
// runs: not when mg has one worker, or the process one processor.
func (h *joinHelper) start(mg *merger) bool {
	if h.started {
		return true
	}
	if mg.workers < 2 || runtime.GOMAXPROCS(0) < 2 {
		return false
	}
	h.started = true
	h.exited, h.wake = make(chan struct{}), make(chan struct{}, 1)
	go h.run()
	return true
}

// joinStats, when set (by tests), is told at the end of each phaseJoin
// how many items shared out their candidates and how many of those the
// helper took a half of.
var joinStats func(split, helped int)

// joinWait, when set (by tests), makes phaseJoin leave every half it
// shares out to the helper.
var joinWait bool

// stop ends the helper, if it was started, and waits for it.
func (h *joinHelper) stop() {
	if joinStats != nil {
		joinStats(h.split, h.helped)
	}
	if !h.started {
		return
	}
	h.state.Store(helperStop)
	h.rouse()
	<-h.exited
	h.started = false
}

// run takes tasks until stopped. Between tasks it yields its processor to
// any other goroutine that can run, and after helperPatience without a
// task it sleeps until the next one (see rouse): the finer dates that
// come first in the merge rarely have enough candidates to share.
func (h *joinHelper) run() {
	defer close(h.exited)
	idle := time.Now()
	for spins := 0; ; spins++ {
		switch h.state.Load() {
		case helperPosted:
			if h.state.CompareAndSwap(helperPosted, helperTaken) {
				h.res = h.view.bestOf(h.it, h.ib, h.cands)
				h.state.Store(helperDone)
			}
			spins, idle = 0, time.Now()
			continue
		case helperStop:
			return
		}
		if spins%64 == 63 && time.Since(idle) > helperPatience {
			h.parked.Store(true)
			// a task posted before parked was set finds the helper
			// awake (below); one posted after wakes it
			if s := h.state.Load(); s != helperPosted && s != helperStop {
				<-h.wake
			}
			h.parked.Store(false)
			spins, idle = 0, time.Now()
			continue
		}
		runtime.Gosched()
	}
}

// helperPatience is how long the helper waits for a task before it
// sleeps.
const helperPatience = 200 * time.Microsecond

// rouse wakes the helper if it sleeps (see run).
func (h *joinHelper) rouse() {
	if h.parked.Load() {
		select {
		case h.wake <- struct{}{}:
		default: // a token waits already
		}
	}
}

// best is mg.bestOf(it, ib, cands) with the second half of cands compared
// by the helper, if it takes it in time.
func (h *joinHelper) best(mg *merger, it *item, ib bag, cands []int32) choice {
	h.split++
	half := len(cands) / 2
	scratch := h.view.scratch
	h.view = *mg
	h.view.scratch, h.view.candBuf, h.view.seen = scratch, nil, nil
	h.it, h.ib, h.cands = it, ib, cands[half:]
	h.state.Store(helperPosted)
	h.rouse()
	c := mg.bestOf(it, ib, cands[:half])
	if !joinWait && h.state.CompareAndSwap(helperPosted, helperIdle) {
		return c.or(mg.bestOf(it, ib, cands[half:]))
	}
	for spins := 0; h.state.Load() != helperDone; spins++ {
		if spins%64 == 63 {
			runtime.Gosched()
		}
	}
	c = c.or(h.res)
	h.state.Store(helperIdle)
	h.helped++
	return c
}
