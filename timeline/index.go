package timeline

import "math/bits"

// postings is an index from keys to clusters: for each key a list of
// clusters, newest first. The lists are persistent linked lists, one
// entry per node: adding a cluster to a key makes a node that points to
// the key's previous list. Filing a cluster under a run of keys (the
// weeks of a year, the days of a week) reuses that node for each key of
// the run whose list was the same, so keys filed alike share their lists,
// and a scan over a range of keys walks a shared part once (see
// scanRange): a year's clusters are filed under 53 weeks but read once.
// Beside the list heads it keeps, for each block of 64 consecutive keys
// (64 days or weeks of one token), a bit mask of those that have a list,
// so that a scan over a range of days looks up only the keys that exist:
// a year is six blocks, not 366 keys.
type postings struct {
	head  table[int32]  // key → its newest node
	occ   table[uint64] // key with its low 6 bits cleared → keys of the block that have a list
	nodes [][]postNode  // in blocks of nodeBlock: growing never copies them
	n     int32         // nodes in use
	walk  uint32        // the current scanRange (see postNode.walk)
	// gens counts the changes to the lists of each (token, space), by
	// a hash of the pair (1<<12 counters, made on first use): a scan
	// remembered at the same count is still what a scan would append
	// (see scanCached)
	gens   []uint32
	recent [8]scanned
	next   int // the entry of recent to reuse next
}

// scanned is what a scanRange appended.
type scanned struct {
	tok, space uint32
	n0, n1     int64
	limit      int
	gen        uint32 // postings.gens of (tok, space) then, plus one (0: unused)
	out        []int32
}

// gen returns the change count of the lists of (tok, space).
func (p *postings) gen(tok, space uint32) *uint32 {
	if p.gens == nil {
		// (not an array: the merger, which joinHelper copies, stays small)
		p.gens = make([]uint32, 1<<12)
	}
	return &p.gens[(uint64(tok)*0x9E3779B97F4A7C15+uint64(space))>>52]
}

// postNode is one entry of one or more lists.
type postNode struct {
	ci   int32
	next int32  // the older node, or -1
	walk uint32 // the last scanRange that passed here ...
	left int32  // ... and how many entries it could still take from here on
}

// addRun files ci under the keys key(tok, space, n) for n from n0 to n1.
// A key whose newest entry is ci already is left as it is.
func (p *postings) addRun(tok, space uint32, n0, n1 int64, ci int32) {
	// the list the previous key had, and the node that now heads it
	prevOld, prevNew := int32(-2), int32(-1)
	changed := false
	for n := n0; n <= n1; n++ {
		k := key(tok, space, n)
		slot, fresh := p.head.slotNew(k)
		old := int32(-1)
		if !fresh {
			old = *slot
			if p.node(old).ci == ci {
				continue
			}
		} else {
			*p.occ.slot(k &^ 63) |= 1 << (k & 63)
		}
		changed = true
		if old == prevOld {
			*slot = prevNew
			continue
		}
		if int(p.n)%nodeBlock == 0 {
			p.nodes = append(p.nodes, make([]postNode, nodeBlock))
		}
		*p.node(p.n) = postNode{ci: ci, next: old}
		*slot = p.n
		prevOld, prevNew = old, p.n
		p.n++
	}
	if changed {
		*p.gen(tok, space)++
	}
}

// nodeBlock is the number of nodes in a block of postings.nodes.
const nodeBlock = 1 << 12

// node returns node h.
func (p *postings) node(h int32) *postNode {
	return &p.nodes[h/nodeBlock][h%nodeBlock]
}

// scan appends up to limit clusters under k, newest first.
func (p *postings) scan(k uint64, limit int, out []int32) []int32 {
	h, ok := p.head.get(k)
	for n := 0; ok && h >= 0 && n < limit; n++ {
		nd := p.node(h)
		out = append(out, nd.ci)
		h = nd.next
	}
	return out
}

// newWalk starts a walk: the scanRange calls until the next newWalk
// append each entry a shared list holds at most once (their union is
// that of the lists' first limit entries all the same).
func (p *postings) newWalk() {
	p.walk++
	if p.walk == 0 { // wrapped: forget every mark
		for _, b := range p.nodes {
			for i := range b {
				b[i].walk = 0
			}
		}
		p.walk = 1
	}
}

// scanCached is scanRange(tok, space, n0, n1, limit, out) but for
// duplicates (see candidates), which it may append although the walk
// passed them already. A scan over several keys (a month's days, a year's
// weeks) is remembered, and repeated while no list of the token in that
// space changed: the items of one date and document, which come one
// after another in the merge, look up the same tokens over the same days
// and weeks, and mostly join a cluster that heads those lists already.
func (p *postings) scanCached(tok, space uint32, n0, n1 int64, limit int, out []int32) []int32 {
	if n1-n0 < 4 {
		return p.scanRange(tok, space, n0, n1, limit, out)
	}
	gen := *p.gen(tok, space) + 1
	for i := range p.recent {
		r := &p.recent[i]
		if r.gen == gen && r.tok == tok && r.space == space && r.n0 == n0 && r.n1 == n1 && r.limit == limit {
			return append(out, r.out...)
		}
	}
	// a walk of its own, so that what it appends depends on nothing
	// scanned before it (a new walk only prunes less: the same set)
	p.newWalk()
	start := len(out)
	out = p.scanRange(tok, space, n0, n1, limit, out)
	r := &p.recent[p.next]
	p.next = (p.next + 1) % len(p.recent)
	*r = scanned{tok: tok, space: space, n0: n0, n1: n1, limit: limit, gen: gen, out: append(r.out[:0], out[start:]...)}
	return out
}

// scanRange appends, for each key key(tok, space, n) with n from n0 to
// n1, up to limit clusters under it, newest first; it skips what an
// earlier key of the walk (see newWalk) appended already: a node the walk
// passed with at least as many entries left to take covers the rest of
// this list (the lists never change below their heads).
func (p *postings) scanRange(tok, space uint32, n0, n1 int64, limit int, out []int32) []int32 {
	for n := n0; n <= n1; {
		k := key(tok, space, n)
		low := k & 63
		cnt := min(64-low, uint64(n1-n+1))
		n += int64(cnt)
		m, _ := p.occ.get(k &^ 63)
		m >>= low
		if cnt < 64 {
			m &= 1<<cnt - 1
		}
		for m != 0 {
			b := uint64(bits.TrailingZeros64(m))
			m &= m - 1
			h, ok := p.head.get(k + b)
			for left := int32(limit); ok && h >= 0 && left > 0; left-- {
				nd := p.node(h)
				if nd.walk == p.walk && nd.left >= left {
					break
				}
				nd.walk, nd.left = p.walk, left
				out = append(out, nd.ci)
				h = nd.next
			}
		}
	}
	return out
}

// table is a hash table from non-zero keys to values, with open
// addressing: cheaper than a Go map for the millions of lookups of a
// merge, and free of per-entry pointers.
type table[V any] struct {
	keys  []uint64 // 0: empty
	vals  []V
	n     int
	shift uint // 64 - log2(len(keys))
}

func (t *table[V]) index(k uint64) uint64 {
	return (k * 0x9E3779B97F4A7C15) >> t.shift
}

// get returns the value of k, and whether it is there.
func (t *table[V]) get(k uint64) (V, bool) {
	var zero V
	if t.n == 0 {
		return zero, false
	}
	mask := uint64(len(t.keys) - 1)
	for i := t.index(k); ; i = (i + 1) & mask {
		switch t.keys[i] {
		case k:
			return t.vals[i], true
		case 0:
			return zero, false
		}
	}
}

// slot returns the value of k to set, adding k with the zero value if it
// is not there.
func (t *table[V]) slot(k uint64) *V {
	v, _ := t.slotNew(k)
	return v
}

// slotNew is slot, and reports whether k was added.
func (t *table[V]) slotNew(k uint64) (*V, bool) {
	if 2*(t.n+1) > len(t.keys) {
		t.grow()
	}
	mask := uint64(len(t.keys) - 1)
	for i := t.index(k); ; i = (i + 1) & mask {
		switch t.keys[i] {
		case k:
			return &t.vals[i], false
		case 0:
			t.keys[i] = k
			t.n++
			return &t.vals[i], true
		}
	}
}

func (t *table[V]) grow() {
	size := max(64, 2*len(t.keys))
	old, oldVals := t.keys, t.vals
	t.keys, t.vals = make([]uint64, size), make([]V, size)
	t.shift = uint(64 - bits.TrailingZeros(uint(size)))
	mask := uint64(size - 1)
	for j, k := range old {
		if k == 0 {
			continue
		}
		i := t.index(k)
		for t.keys[i] != 0 {
			i = (i + 1) & mask
		}
		t.keys[i], t.vals[i] = k, oldVals[j]
	}
}
