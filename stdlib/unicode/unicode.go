// Package unicode classifies runes by the Unicode Character Database: general categories, scripts and properties as tables of ranges, predicates over them, and case mapping and folding.
//
// The data are Go's own for the same Unicode Version (tables.c, written by
// gen_tables.go from the reference Go); the predicates, Is and the case
// functions are natives over it (unicode.c: Latin-1 by a byte table,
// beyond by binary search), so every rune gets Go's answer.
package unicode

// Limits and special code points.
const (
	// MaxRune is the largest valid Unicode code point.
	MaxRune = '\U0010FFFF'
	// ReplacementChar is U+FFFD, which stands for invalid or unknown characters.
	ReplacementChar = '\uFFFD'
	// MaxASCII is the largest ASCII code point.
	MaxASCII = '\u007F'
	// MaxLatin1 is the largest Latin-1 code point.
	MaxLatin1 = '\u00FF'
)

// Case selectors: indices into a CaseRange's Delta, and To's first argument.
const (
	// UpperCase selects upper case.
	UpperCase = iota
	// LowerCase selects lower case.
	LowerCase
	// TitleCase selects title case.
	TitleCase
	// MaxCase is the number of case selectors.
	MaxCase
)

// UpperLower, as every Delta of a CaseRange, marks a range of alternating
// upper and lower case letters (upper first); it is no valid delta.
const UpperLower = MaxRune + 1

// Range16 is the runes Lo, Lo+Stride, ... up to Hi, all below 1<<16.
type Range16 struct {
	Lo     uint16
	Hi     uint16
	Stride uint16
}

// Range32 is the runes Lo, Lo+Stride, ... up to Hi, all at or above 1<<16.
type Range32 struct {
	Lo     uint32
	Hi     uint32
	Stride uint32
}

// RangeTable is a set of runes as sorted, disjoint ranges: R16 below 1<<16, R32 above.
//
// LatinOffset is the number of entries of R16 with Hi <= MaxLatin1.
type RangeTable struct {
	R16         []Range16
	R32         []Range32
	LatinOffset int
}

// d holds the deltas of a CaseRange, indexed by UpperCase, LowerCase, TitleCase.
type d [MaxCase]rune

// CaseRange maps the runes Lo..Hi to each case by adding Delta[case] (0: the rune is in that case).
//
// A Delta of {UpperLower, UpperLower, UpperLower} marks alternating
// upper and lower case letters, starting with an upper case one.
type CaseRange struct {
	Lo    uint32
	Hi    uint32
	Delta d
}

// SpecialCase is a language's case mappings, which take priority over the standard ones.
type SpecialCase []CaseRange

// CaseRanges is the table of case mappings of every rune whose cases differ.
var CaseRanges = caseTable(0)

// TurkishCase is the case mapping of Turkish (dotted and dotless i).
var TurkishCase SpecialCase = turkish

// AzeriCase is the case mapping of Azeri: Turkish's.
var AzeriCase SpecialCase = turkish

var turkish = SpecialCase(caseTable(1))

// GraphicRanges is the set of graphic runes: categories L, M, N, P, S and Zs.
var GraphicRanges = []*RangeTable{L, M, N, P, S, Zs}

// PrintRanges is the set of printable runes (U+0020 aside): categories L, M, N, P and S.
var PrintRanges = []*RangeTable{L, M, N, P, S}

// Categories names the category tables.
var Categories = tableMap(0)

// Scripts names the script tables.
var Scripts = tableMap(1)

// Properties names the property tables.
var Properties = tableMap(2)

// FoldCategory maps a category to the runes outside it that are equivalent under simple case folding to runes inside it (none when absent).
var FoldCategory = tableMap(3)

// FoldScript maps a script to the runes outside it that are equivalent under simple case folding to runes inside it (none when absent).
var FoldScript = tableMap(4)

// CategoryAliases maps the long names of categories to their short ones.
var CategoryAliases = aliasMap()

// tables returns every table of tables.h as a csp value, in its order.
func tables() []*RangeTable

// names returns the keys of a map of tables (kind 0 Categories, 1 Scripts,
// 2 Properties, 3 FoldCategory, 4 FoldScript) and the index in tabs of
// each one's table; kind 5: CategoryAliases, its values in ids' place as
// indices into the keys of kind 0.
func names(kind int) (keys []string, ids []int)

func tableMap(kind int) map[string]*RangeTable {
	keys, ids := names(kind)
	m := make(map[string]*RangeTable, len(keys))
	for i, k := range keys {
		m[k] = tabs[ids[i]]
	}
	return m
}

func aliasMap() map[string]string {
	cats, _ := names(0)
	keys, ids := names(5)
	m := make(map[string]string, len(keys))
	for i, k := range keys {
		m[k] = cats[ids[i]]
	}
	return m
}

// caseTable returns CaseRanges (which 0) or TurkishCase's ranges (1).
func caseTable(which int) []CaseRange

// Is reports whether r is in the table rangeTab.
func Is(rangeTab *RangeTable, r rune) bool

// In reports whether r is in one of the tables ranges.
func In(r rune, ranges ...*RangeTable) bool {
	for _, t := range ranges {
		if Is(t, r) {
			return true
		}
	}
	return false
}

// IsOneOf reports whether r is in one of the tables ranges (In reads better).
func IsOneOf(ranges []*RangeTable, r rune) bool {
	for _, t := range ranges {
		if Is(t, r) {
			return true
		}
	}
	return false
}

// IsLetter reports whether r is a letter (category L).
func IsLetter(r rune) bool

// IsDigit reports whether r is a decimal digit (category Nd).
func IsDigit(r rune) bool

// IsNumber reports whether r is a number (category N).
func IsNumber(r rune) bool

// IsSpace reports whether r is white space (property White_Space): in Latin-1, '\t', '\n', '\v', '\f', '\r', ' ', U+0085 and U+00A0.
func IsSpace(r rune) bool

// IsUpper reports whether r is an upper case letter.
func IsUpper(r rune) bool

// IsLower reports whether r is a lower case letter.
func IsLower(r rune) bool

// IsTitle reports whether r is a title case letter.
func IsTitle(r rune) bool

// IsPunct reports whether r is punctuation (category P).
func IsPunct(r rune) bool

// IsSymbol reports whether r is a symbol (category S).
func IsSymbol(r rune) bool

// IsMark reports whether r is a mark (category M).
func IsMark(r rune) bool

// IsControl reports whether r is a control character (Cc; Is(C, r) also counts surrogates, format and unassigned runes).
func IsControl(r rune) bool

// IsPrint reports whether r is printable as Go defines it: categories L, M, N, P, S and U+0020, the only space.
func IsPrint(r rune) bool

// IsGraphic reports whether r is graphic: categories L, M, N, P, S and Zs.
func IsGraphic(r rune) bool

// To maps r to the case _case selects (UpperCase, LowerCase or TitleCase); any other case gives ReplacementChar.
func To(_case int, r rune) rune

// ToUpper maps r to upper case.
func ToUpper(r rune) rune

// ToLower maps r to lower case.
func ToLower(r rune) rune

// ToTitle maps r to title case.
func ToTitle(r rune) rune

// SimpleFold returns the rune after r in r's orbit under simple case folding: the smallest larger one, else the smallest; r itself when it is not a valid code point.
//
// SimpleFold('A') == 'a', SimpleFold('a') == 'A', SimpleFold('K') == 'k',
// SimpleFold('k') == '\u212A' (Kelvin sign), SimpleFold('\u212A') == 'K',
// SimpleFold('1') == '1'.
func SimpleFold(r rune) rune

// ToUpper maps r to upper case, special's mappings first.
func (special SpecialCase) ToUpper(r rune) rune {
	return special.to(UpperCase, r)
}

// ToLower maps r to lower case, special's mappings first.
func (special SpecialCase) ToLower(r rune) rune {
	return special.to(LowerCase, r)
}

// ToTitle maps r to title case, special's mappings first.
func (special SpecialCase) ToTitle(r rune) rune {
	return special.to(TitleCase, r)
}

// to maps r by special's range holding it, else by the standard tables.
func (special SpecialCase) to(c int, r rune) rune {
	lo, hi := 0, len(special)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		cr := special[m]
		if rune(cr.Lo) <= r && r <= rune(cr.Hi) {
			if delta := cr.Delta[c]; delta <= MaxRune {
				return r + delta
			}
			// alternating upper, lower: upper at even offsets from Lo
			return rune(cr.Lo) + ((r-rune(cr.Lo))&^1 | rune(c&1))
		}
		if r < rune(cr.Lo) {
			hi = m
		} else {
			lo = m + 1
		}
	}
	return To(c, r)
}

// ---- generated by gen_tables.go ----
// Do not edit below this line: `go run gen_tables.go` rewrites it.

// Version is the Unicode edition the tables come from.
const Version = "15.0.0"

// tabs holds every table, in tables.h's order.
var tabs = tables()

// The general categories: each *RangeTable X is the runes of category X;
// Digit, Letter, Lower, Mark, Number, Other, Punct, Space, Symbol, Title
// and Upper are other names of Nd, L, Ll, M, N, C, P, Z, S, Lt and Lu.
var (
	// C: the runes of category C.
	C = tabs[0]
	// Cc: the runes of category Cc.
	Cc = tabs[1]
	// Cf: the runes of category Cf.
	Cf = tabs[2]
	// Cn: the runes of category Cn.
	Cn = tabs[3]
	// Co: the runes of category Co.
	Co = tabs[4]
	// Cs: the runes of category Cs.
	Cs = tabs[5]
	// Digit: another name of Nd.
	Digit = Nd
	// L: the runes of category L.
	L = tabs[6]
	// LC: the runes of category LC.
	LC = tabs[7]
	// Letter: another name of L.
	Letter = L
	// Ll: the runes of category Ll.
	Ll = tabs[8]
	// Lm: the runes of category Lm.
	Lm = tabs[9]
	// Lo: the runes of category Lo.
	Lo = tabs[10]
	// Lower: another name of Ll.
	Lower = Ll
	// Lt: the runes of category Lt.
	Lt = tabs[11]
	// Lu: the runes of category Lu.
	Lu = tabs[12]
	// M: the runes of category M.
	M = tabs[13]
	// Mark: another name of M.
	Mark = M
	// Mc: the runes of category Mc.
	Mc = tabs[14]
	// Me: the runes of category Me.
	Me = tabs[15]
	// Mn: the runes of category Mn.
	Mn = tabs[16]
	// N: the runes of category N.
	N = tabs[17]
	// Nd: the runes of category Nd.
	Nd = tabs[18]
	// Nl: the runes of category Nl.
	Nl = tabs[19]
	// No: the runes of category No.
	No = tabs[20]
	// Number: another name of N.
	Number = N
	// Other: another name of C.
	Other = C
	// P: the runes of category P.
	P = tabs[21]
	// Pc: the runes of category Pc.
	Pc = tabs[22]
	// Pd: the runes of category Pd.
	Pd = tabs[23]
	// Pe: the runes of category Pe.
	Pe = tabs[24]
	// Pf: the runes of category Pf.
	Pf = tabs[25]
	// Pi: the runes of category Pi.
	Pi = tabs[26]
	// Po: the runes of category Po.
	Po = tabs[27]
	// Ps: the runes of category Ps.
	Ps = tabs[28]
	// Punct: another name of P.
	Punct = P
	// S: the runes of category S.
	S = tabs[29]
	// Sc: the runes of category Sc.
	Sc = tabs[30]
	// Sk: the runes of category Sk.
	Sk = tabs[31]
	// Sm: the runes of category Sm.
	Sm = tabs[32]
	// So: the runes of category So.
	So = tabs[33]
	// Space: another name of Z.
	Space = Z
	// Symbol: another name of S.
	Symbol = S
	// Title: another name of Lt.
	Title = Lt
	// Upper: another name of Lu.
	Upper = Lu
	// Z: the runes of category Z.
	Z = tabs[34]
	// Zl: the runes of category Zl.
	Zl = tabs[35]
	// Zp: the runes of category Zp.
	Zp = tabs[36]
	// Zs: the runes of category Zs.
	Zs = tabs[37]
)

// The scripts: each *RangeTable X is the runes of script X.
var (
	// Adlam: the runes of script Adlam.
	Adlam = tabs[38]
	// Ahom: the runes of script Ahom.
	Ahom = tabs[39]
	// Anatolian_Hieroglyphs: the runes of script Anatolian_Hieroglyphs.
	Anatolian_Hieroglyphs = tabs[40]
	// Arabic: the runes of script Arabic.
	Arabic = tabs[41]
	// Armenian: the runes of script Armenian.
	Armenian = tabs[42]
	// Avestan: the runes of script Avestan.
	Avestan = tabs[43]
	// Balinese: the runes of script Balinese.
	Balinese = tabs[44]
	// Bamum: the runes of script Bamum.
	Bamum = tabs[45]
	// Bassa_Vah: the runes of script Bassa_Vah.
	Bassa_Vah = tabs[46]
	// Batak: the runes of script Batak.
	Batak = tabs[47]
	// Bengali: the runes of script Bengali.
	Bengali = tabs[48]
	// Bhaiksuki: the runes of script Bhaiksuki.
	Bhaiksuki = tabs[49]
	// Bopomofo: the runes of script Bopomofo.
	Bopomofo = tabs[50]
	// Brahmi: the runes of script Brahmi.
	Brahmi = tabs[51]
	// Braille: the runes of script Braille.
	Braille = tabs[52]
	// Buginese: the runes of script Buginese.
	Buginese = tabs[53]
	// Buhid: the runes of script Buhid.
	Buhid = tabs[54]
	// Canadian_Aboriginal: the runes of script Canadian_Aboriginal.
	Canadian_Aboriginal = tabs[55]
	// Carian: the runes of script Carian.
	Carian = tabs[56]
	// Caucasian_Albanian: the runes of script Caucasian_Albanian.
	Caucasian_Albanian = tabs[57]
	// Chakma: the runes of script Chakma.
	Chakma = tabs[58]
	// Cham: the runes of script Cham.
	Cham = tabs[59]
	// Cherokee: the runes of script Cherokee.
	Cherokee = tabs[60]
	// Chorasmian: the runes of script Chorasmian.
	Chorasmian = tabs[61]
	// Common: the runes of script Common.
	Common = tabs[62]
	// Coptic: the runes of script Coptic.
	Coptic = tabs[63]
	// Cuneiform: the runes of script Cuneiform.
	Cuneiform = tabs[64]
	// Cypriot: the runes of script Cypriot.
	Cypriot = tabs[65]
	// Cypro_Minoan: the runes of script Cypro_Minoan.
	Cypro_Minoan = tabs[66]
	// Cyrillic: the runes of script Cyrillic.
	Cyrillic = tabs[67]
	// Deseret: the runes of script Deseret.
	Deseret = tabs[68]
	// Devanagari: the runes of script Devanagari.
	Devanagari = tabs[69]
	// Dives_Akuru: the runes of script Dives_Akuru.
	Dives_Akuru = tabs[70]
	// Dogra: the runes of script Dogra.
	Dogra = tabs[71]
	// Duployan: the runes of script Duployan.
	Duployan = tabs[72]
	// Egyptian_Hieroglyphs: the runes of script Egyptian_Hieroglyphs.
	Egyptian_Hieroglyphs = tabs[73]
	// Elbasan: the runes of script Elbasan.
	Elbasan = tabs[74]
	// Elymaic: the runes of script Elymaic.
	Elymaic = tabs[75]
	// Ethiopic: the runes of script Ethiopic.
	Ethiopic = tabs[76]
	// Georgian: the runes of script Georgian.
	Georgian = tabs[77]
	// Glagolitic: the runes of script Glagolitic.
	Glagolitic = tabs[78]
	// Gothic: the runes of script Gothic.
	Gothic = tabs[79]
	// Grantha: the runes of script Grantha.
	Grantha = tabs[80]
	// Greek: the runes of script Greek.
	Greek = tabs[81]
	// Gujarati: the runes of script Gujarati.
	Gujarati = tabs[82]
	// Gunjala_Gondi: the runes of script Gunjala_Gondi.
	Gunjala_Gondi = tabs[83]
	// Gurmukhi: the runes of script Gurmukhi.
	Gurmukhi = tabs[84]
	// Han: the runes of script Han.
	Han = tabs[85]
	// Hangul: the runes of script Hangul.
	Hangul = tabs[86]
	// Hanifi_Rohingya: the runes of script Hanifi_Rohingya.
	Hanifi_Rohingya = tabs[87]
	// Hanunoo: the runes of script Hanunoo.
	Hanunoo = tabs[88]
	// Hatran: the runes of script Hatran.
	Hatran = tabs[89]
	// Hebrew: the runes of script Hebrew.
	Hebrew = tabs[90]
	// Hiragana: the runes of script Hiragana.
	Hiragana = tabs[91]
	// Imperial_Aramaic: the runes of script Imperial_Aramaic.
	Imperial_Aramaic = tabs[92]
	// Inherited: the runes of script Inherited.
	Inherited = tabs[93]
	// Inscriptional_Pahlavi: the runes of script Inscriptional_Pahlavi.
	Inscriptional_Pahlavi = tabs[94]
	// Inscriptional_Parthian: the runes of script Inscriptional_Parthian.
	Inscriptional_Parthian = tabs[95]
	// Javanese: the runes of script Javanese.
	Javanese = tabs[96]
	// Kaithi: the runes of script Kaithi.
	Kaithi = tabs[97]
	// Kannada: the runes of script Kannada.
	Kannada = tabs[98]
	// Katakana: the runes of script Katakana.
	Katakana = tabs[99]
	// Kawi: the runes of script Kawi.
	Kawi = tabs[100]
	// Kayah_Li: the runes of script Kayah_Li.
	Kayah_Li = tabs[101]
	// Kharoshthi: the runes of script Kharoshthi.
	Kharoshthi = tabs[102]
	// Khitan_Small_Script: the runes of script Khitan_Small_Script.
	Khitan_Small_Script = tabs[103]
	// Khmer: the runes of script Khmer.
	Khmer = tabs[104]
	// Khojki: the runes of script Khojki.
	Khojki = tabs[105]
	// Khudawadi: the runes of script Khudawadi.
	Khudawadi = tabs[106]
	// Lao: the runes of script Lao.
	Lao = tabs[107]
	// Latin: the runes of script Latin.
	Latin = tabs[108]
	// Lepcha: the runes of script Lepcha.
	Lepcha = tabs[109]
	// Limbu: the runes of script Limbu.
	Limbu = tabs[110]
	// Linear_A: the runes of script Linear_A.
	Linear_A = tabs[111]
	// Linear_B: the runes of script Linear_B.
	Linear_B = tabs[112]
	// Lisu: the runes of script Lisu.
	Lisu = tabs[113]
	// Lycian: the runes of script Lycian.
	Lycian = tabs[114]
	// Lydian: the runes of script Lydian.
	Lydian = tabs[115]
	// Mahajani: the runes of script Mahajani.
	Mahajani = tabs[116]
	// Makasar: the runes of script Makasar.
	Makasar = tabs[117]
	// Malayalam: the runes of script Malayalam.
	Malayalam = tabs[118]
	// Mandaic: the runes of script Mandaic.
	Mandaic = tabs[119]
	// Manichaean: the runes of script Manichaean.
	Manichaean = tabs[120]
	// Marchen: the runes of script Marchen.
	Marchen = tabs[121]
	// Masaram_Gondi: the runes of script Masaram_Gondi.
	Masaram_Gondi = tabs[122]
	// Medefaidrin: the runes of script Medefaidrin.
	Medefaidrin = tabs[123]
	// Meetei_Mayek: the runes of script Meetei_Mayek.
	Meetei_Mayek = tabs[124]
	// Mende_Kikakui: the runes of script Mende_Kikakui.
	Mende_Kikakui = tabs[125]
	// Meroitic_Cursive: the runes of script Meroitic_Cursive.
	Meroitic_Cursive = tabs[126]
	// Meroitic_Hieroglyphs: the runes of script Meroitic_Hieroglyphs.
	Meroitic_Hieroglyphs = tabs[127]
	// Miao: the runes of script Miao.
	Miao = tabs[128]
	// Modi: the runes of script Modi.
	Modi = tabs[129]
	// Mongolian: the runes of script Mongolian.
	Mongolian = tabs[130]
	// Mro: the runes of script Mro.
	Mro = tabs[131]
	// Multani: the runes of script Multani.
	Multani = tabs[132]
	// Myanmar: the runes of script Myanmar.
	Myanmar = tabs[133]
	// Nabataean: the runes of script Nabataean.
	Nabataean = tabs[134]
	// Nag_Mundari: the runes of script Nag_Mundari.
	Nag_Mundari = tabs[135]
	// Nandinagari: the runes of script Nandinagari.
	Nandinagari = tabs[136]
	// New_Tai_Lue: the runes of script New_Tai_Lue.
	New_Tai_Lue = tabs[137]
	// Newa: the runes of script Newa.
	Newa = tabs[138]
	// Nko: the runes of script Nko.
	Nko = tabs[139]
	// Nushu: the runes of script Nushu.
	Nushu = tabs[140]
	// Nyiakeng_Puachue_Hmong: the runes of script Nyiakeng_Puachue_Hmong.
	Nyiakeng_Puachue_Hmong = tabs[141]
	// Ogham: the runes of script Ogham.
	Ogham = tabs[142]
	// Ol_Chiki: the runes of script Ol_Chiki.
	Ol_Chiki = tabs[143]
	// Old_Hungarian: the runes of script Old_Hungarian.
	Old_Hungarian = tabs[144]
	// Old_Italic: the runes of script Old_Italic.
	Old_Italic = tabs[145]
	// Old_North_Arabian: the runes of script Old_North_Arabian.
	Old_North_Arabian = tabs[146]
	// Old_Permic: the runes of script Old_Permic.
	Old_Permic = tabs[147]
	// Old_Persian: the runes of script Old_Persian.
	Old_Persian = tabs[148]
	// Old_Sogdian: the runes of script Old_Sogdian.
	Old_Sogdian = tabs[149]
	// Old_South_Arabian: the runes of script Old_South_Arabian.
	Old_South_Arabian = tabs[150]
	// Old_Turkic: the runes of script Old_Turkic.
	Old_Turkic = tabs[151]
	// Old_Uyghur: the runes of script Old_Uyghur.
	Old_Uyghur = tabs[152]
	// Oriya: the runes of script Oriya.
	Oriya = tabs[153]
	// Osage: the runes of script Osage.
	Osage = tabs[154]
	// Osmanya: the runes of script Osmanya.
	Osmanya = tabs[155]
	// Pahawh_Hmong: the runes of script Pahawh_Hmong.
	Pahawh_Hmong = tabs[156]
	// Palmyrene: the runes of script Palmyrene.
	Palmyrene = tabs[157]
	// Pau_Cin_Hau: the runes of script Pau_Cin_Hau.
	Pau_Cin_Hau = tabs[158]
	// Phags_Pa: the runes of script Phags_Pa.
	Phags_Pa = tabs[159]
	// Phoenician: the runes of script Phoenician.
	Phoenician = tabs[160]
	// Psalter_Pahlavi: the runes of script Psalter_Pahlavi.
	Psalter_Pahlavi = tabs[161]
	// Rejang: the runes of script Rejang.
	Rejang = tabs[162]
	// Runic: the runes of script Runic.
	Runic = tabs[163]
	// Samaritan: the runes of script Samaritan.
	Samaritan = tabs[164]
	// Saurashtra: the runes of script Saurashtra.
	Saurashtra = tabs[165]
	// Sharada: the runes of script Sharada.
	Sharada = tabs[166]
	// Shavian: the runes of script Shavian.
	Shavian = tabs[167]
	// Siddham: the runes of script Siddham.
	Siddham = tabs[168]
	// SignWriting: the runes of script SignWriting.
	SignWriting = tabs[169]
	// Sinhala: the runes of script Sinhala.
	Sinhala = tabs[170]
	// Sogdian: the runes of script Sogdian.
	Sogdian = tabs[171]
	// Sora_Sompeng: the runes of script Sora_Sompeng.
	Sora_Sompeng = tabs[172]
	// Soyombo: the runes of script Soyombo.
	Soyombo = tabs[173]
	// Sundanese: the runes of script Sundanese.
	Sundanese = tabs[174]
	// Syloti_Nagri: the runes of script Syloti_Nagri.
	Syloti_Nagri = tabs[175]
	// Syriac: the runes of script Syriac.
	Syriac = tabs[176]
	// Tagalog: the runes of script Tagalog.
	Tagalog = tabs[177]
	// Tagbanwa: the runes of script Tagbanwa.
	Tagbanwa = tabs[178]
	// Tai_Le: the runes of script Tai_Le.
	Tai_Le = tabs[179]
	// Tai_Tham: the runes of script Tai_Tham.
	Tai_Tham = tabs[180]
	// Tai_Viet: the runes of script Tai_Viet.
	Tai_Viet = tabs[181]
	// Takri: the runes of script Takri.
	Takri = tabs[182]
	// Tamil: the runes of script Tamil.
	Tamil = tabs[183]
	// Tangsa: the runes of script Tangsa.
	Tangsa = tabs[184]
	// Tangut: the runes of script Tangut.
	Tangut = tabs[185]
	// Telugu: the runes of script Telugu.
	Telugu = tabs[186]
	// Thaana: the runes of script Thaana.
	Thaana = tabs[187]
	// Thai: the runes of script Thai.
	Thai = tabs[188]
	// Tibetan: the runes of script Tibetan.
	Tibetan = tabs[189]
	// Tifinagh: the runes of script Tifinagh.
	Tifinagh = tabs[190]
	// Tirhuta: the runes of script Tirhuta.
	Tirhuta = tabs[191]
	// Toto: the runes of script Toto.
	Toto = tabs[192]
	// Ugaritic: the runes of script Ugaritic.
	Ugaritic = tabs[193]
	// Vai: the runes of script Vai.
	Vai = tabs[194]
	// Vithkuqi: the runes of script Vithkuqi.
	Vithkuqi = tabs[195]
	// Wancho: the runes of script Wancho.
	Wancho = tabs[196]
	// Warang_Citi: the runes of script Warang_Citi.
	Warang_Citi = tabs[197]
	// Yezidi: the runes of script Yezidi.
	Yezidi = tabs[198]
	// Yi: the runes of script Yi.
	Yi = tabs[199]
	// Zanabazar_Square: the runes of script Zanabazar_Square.
	Zanabazar_Square = tabs[200]
)

// The properties: each *RangeTable X is the runes with property X;
// STerm is another name of Sentence_Terminal.
var (
	// ASCII_Hex_Digit: the runes of property ASCII_Hex_Digit.
	ASCII_Hex_Digit = tabs[202]
	// Bidi_Control: the runes of property Bidi_Control.
	Bidi_Control = tabs[203]
	// Dash: the runes of property Dash.
	Dash = tabs[204]
	// Deprecated: the runes of property Deprecated.
	Deprecated = tabs[205]
	// Diacritic: the runes of property Diacritic.
	Diacritic = tabs[206]
	// Extender: the runes of property Extender.
	Extender = tabs[207]
	// Hex_Digit: the runes of property Hex_Digit.
	Hex_Digit = tabs[208]
	// Hyphen: the runes of property Hyphen.
	Hyphen = tabs[209]
	// IDS_Binary_Operator: the runes of property IDS_Binary_Operator.
	IDS_Binary_Operator = tabs[210]
	// IDS_Trinary_Operator: the runes of property IDS_Trinary_Operator.
	IDS_Trinary_Operator = tabs[211]
	// Ideographic: the runes of property Ideographic.
	Ideographic = tabs[212]
	// Join_Control: the runes of property Join_Control.
	Join_Control = tabs[213]
	// Logical_Order_Exception: the runes of property Logical_Order_Exception.
	Logical_Order_Exception = tabs[214]
	// Noncharacter_Code_Point: the runes of property Noncharacter_Code_Point.
	Noncharacter_Code_Point = tabs[215]
	// Other_Alphabetic: the runes of property Other_Alphabetic.
	Other_Alphabetic = tabs[216]
	// Other_Default_Ignorable_Code_Point: the runes of property Other_Default_Ignorable_Code_Point.
	Other_Default_Ignorable_Code_Point = tabs[217]
	// Other_Grapheme_Extend: the runes of property Other_Grapheme_Extend.
	Other_Grapheme_Extend = tabs[218]
	// Other_ID_Continue: the runes of property Other_ID_Continue.
	Other_ID_Continue = tabs[219]
	// Other_ID_Start: the runes of property Other_ID_Start.
	Other_ID_Start = tabs[220]
	// Other_Lowercase: the runes of property Other_Lowercase.
	Other_Lowercase = tabs[221]
	// Other_Math: the runes of property Other_Math.
	Other_Math = tabs[222]
	// Other_Uppercase: the runes of property Other_Uppercase.
	Other_Uppercase = tabs[223]
	// Pattern_Syntax: the runes of property Pattern_Syntax.
	Pattern_Syntax = tabs[224]
	// Pattern_White_Space: the runes of property Pattern_White_Space.
	Pattern_White_Space = tabs[225]
	// Prepended_Concatenation_Mark: the runes of property Prepended_Concatenation_Mark.
	Prepended_Concatenation_Mark = tabs[226]
	// Quotation_Mark: the runes of property Quotation_Mark.
	Quotation_Mark = tabs[227]
	// Radical: the runes of property Radical.
	Radical = tabs[228]
	// Regional_Indicator: the runes of property Regional_Indicator.
	Regional_Indicator = tabs[229]
	// STerm: another name of Sentence_Terminal.
	STerm = Sentence_Terminal
	// Sentence_Terminal: the runes of property Sentence_Terminal.
	Sentence_Terminal = tabs[201]
	// Soft_Dotted: the runes of property Soft_Dotted.
	Soft_Dotted = tabs[230]
	// Terminal_Punctuation: the runes of property Terminal_Punctuation.
	Terminal_Punctuation = tabs[231]
	// Unified_Ideograph: the runes of property Unified_Ideograph.
	Unified_Ideograph = tabs[232]
	// Variation_Selector: the runes of property Variation_Selector.
	Variation_Selector = tabs[233]
	// White_Space: the runes of property White_Space.
	White_Space = tabs[234]
)
