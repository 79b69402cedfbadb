package parse

import "unsafe"

// The fast tokenizer writes a token as three 64-bit words rather than
// field by field (a dozen stores, each byte field with an address of its
// own): the first holds s and e, the second n and cls, the third id, k,
// sp, cap and nd at the bit offsets below (hi is zero: the fast
// tokenizer reads ASCII only). That is tok's layout on a little-endian
// machine; packedTokOK checks it once per lexicon, and the tokenizer
// reads every token field by field (nextToken) when it does not hold.
const (
	twKind = 16 // bit offset of k in the third word
	twSp   = 24 // of sp
	twCap  = 32 // of cap
	twNd   = 40 // of nd
)

// setTok writes the token t as the three words w0, w1, w2 (see twKind).
// tok is 24 bytes and eight-byte aligned (its first field), so the words
// cover it exactly.
func setTok(t *tok, w0, w1, w2 uint64) {
	w := (*[3]uint64)(unsafe.Pointer(t))
	w[0], w[1], w[2] = w0, w1, w2
}

// packedTokOK reports whether setTok writes the fields it is meant to:
// tok is 24 bytes and a token written as words reads back as the same
// token written field by field.
func packedTokOK() bool {
	if unsafe.Sizeof(tok{}) != 24 || unsafe.Alignof(tok{}) != 8 {
		return false
	}
	want := tok{s: 1, e: 2, n: -3, cls: 1<<31 | 4, id: 0xfff5, k: tkPunct, sp: true, cap: true, nd: 250}
	var got tok
	got.hi = true // setTok clears it
	setTok(&got, 1|2<<32, uint64(uint32(want.n))|uint64(want.cls)<<32,
		uint64(want.id)|uint64(tkPunct)<<twKind|1<<twSp|1<<twCap|250<<twNd)
	return got == want
}
