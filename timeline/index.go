package timeline

import "math/bits"

// postings is an index from keys to clusters: for each key a list of
// clusters, newest first, in nodes of a few entries (the entries a scan
// reads lie together). Beside the list heads it keeps, for each block of
// 64 consecutive keys (64 days or weeks of one token), a bit mask of
// those that have a list, so that a scan over a range of days looks up
// only the keys that exist: a year is six blocks, not 366 keys.
type postings struct {
	head  table[int32]  // key → its newest node
	occ   table[uint64] // key with its low 6 bits cleared → keys of the block that have a list
	nodes [][]postNode  // in blocks of nodeBlock: growing never copies them
	n     int32         // nodes in use
}

// postNode holds up to six entries of a list, oldest first, and links to
// the node of the entries before them.
type postNode struct {
	clus [6]int32
	n    int32 // entries used
	next int32 // the older node, or -1
}

func (p *postings) add(k uint64, ci int32) {
	h, ok := p.head.get(k)
	if ok {
		nd := p.node(h)
		if nd.clus[nd.n-1] == ci {
			return
		}
		if int(nd.n) < len(nd.clus) {
			nd.clus[nd.n] = ci
			nd.n++
			return
		}
	} else {
		h = -1
		*p.occ.slot(k &^ 63) |= 1 << (k & 63)
	}
	*p.head.slot(k) = p.n
	if int(p.n)%nodeBlock == 0 {
		p.nodes = append(p.nodes, make([]postNode, nodeBlock))
	}
	*p.node(p.n) = postNode{clus: [6]int32{ci}, n: 1, next: h}
	p.n++
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
	for n := 0; ok && h >= 0 && n < limit; {
		nd := p.node(h)
		for j := nd.n - 1; j >= 0 && n < limit; j-- {
			out = append(out, nd.clus[j])
			n++
		}
		h = nd.next
	}
	return out
}

// scanRange is scan over the keys key(tok, space, n) for n from n0 to n1.
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
			out = p.scan(k+b, limit, out)
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
	if 2*(t.n+1) > len(t.keys) {
		t.grow()
	}
	mask := uint64(len(t.keys) - 1)
	for i := t.index(k); ; i = (i + 1) & mask {
		switch t.keys[i] {
		case k:
			return &t.vals[i]
		case 0:
			t.keys[i] = k
			t.n++
			return &t.vals[i]
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
