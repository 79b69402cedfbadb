package parse

// The trigger words of the furniture scan and their perfect hash table.
// triggerWords is the list to edit; TestWordSlots checks that wordSlot
// matches it and prints the table to paste when it does not.

// triggerWords lists every trigger word (lower case) with its id; entry 0
// is unused.
var triggerWords = [...]struct {
	w  string
	id uint8
}{
	{},
	{"already", wAlready},
	{"also", wAlso},
	{"agree", wAgree},
	{"app", wApp},
	{"apps", wApps},
	{"articles", wArticles},
	{"back", wBack},
	{"become", wBecome},
	{"by", wBy},
	{"click", wClick},
	{"comment", wComment},
	{"comments", wComments},
	{"content", wContent},
	{"continue", wContinue},
	{"contribution", wContribution},
	{"cookie", wCookie},
	{"cookies", wCookies},
	{"copyright", wCopyright},
	{"daily", wDaily},
	{"date", wDate},
	{"dear", wDear},
	{"direct", wDirect},
	{"donate", wDonate},
	{"donation", wDonation},
	{"donations", wDonation},
	{"download", wDownload},
	{"email", wEmail},
	{"e", wEmail},
	{"every", wEvery},
	{"follow", wFollow},
	{"free", wFree},
	{"get", wGet},
	{"google", wGoogle},
	{"help", wHelp},
	{"here", wHere},
	{"home", wHome},
	{"inbox", wInbox},
	{"informed", wInformed},
	{"last", wLast},
	{"latest", wLatest},
	{"later", wLater},
	{"leave", wLeave},
	{"listen", wListen},
	{"live", wLive},
	{"log", wLog},
	{"login", wLogin},
	{"mailbox", wMailbox},
	{"main", wMain},
	{"make", wMake},
	{"me", wMe},
	{"member", wMember},
	{"members", wMember},
	{"menu", wMenu},
	{"min", wMin},
	{"mins", wMins},
	{"minute", wMinute},
	{"minutes", wMinutes},
	{"miss", wMiss},
	{"more", wMore},
	{"most", wMost},
	{"need", wNeed},
	{"never", wNever},
	{"newsletter", wNewsletter},
	{"newsletters", wNewsletters},
	{"next", wNext},
	{"not", wNot},
	{"now", wNow},
	{"one", wNum},
	{"two", wNum},
	{"three", wNum},
	{"four", wNum},
	{"five", wNum},
	{"six", wNum},
	{"seven", wNum},
	{"eight", wNum},
	{"nine", wNum},
	{"ten", wNum},
	{"eleven", wNum},
	{"twelve", wNum},
	{"fifteen", wNum},
	{"twenty", wNum},
	{"thirty", wNum},
	{"our", wOur},
	{"play", wPlay},
	{"please", wPlease},
	{"podcast", wPodcast},
	{"podcasts", wPodcasts},
	{"policy", wPolicy},
	{"popular", wPopular},
	{"preview", wPreview},
	{"print", wPrint},
	{"privacy", wPrivacy},
	{"read", wRead},
	{"readers", wReaders},
	{"reading", wReading},
	{"ready", wReady},
	{"related", wRelated},
	{"remind", wRemind},
	{"reserved", wReserved},
	{"rights", wRights},
	{"search", wSearch},
	{"see", wSee},
	{"service", wService},
	{"share", wShare},
	{"sign", wSign},
	{"signup", wSignup},
	{"skip", wSkip},
	{"sponsored", wSponsored},
	{"standing", wStanding},
	{"stay", wStay},
	{"store", wStore},
	{"stories", wStories},
	{"subscribe", wSubscribe},
	{"subscriber", wSubscriber},
	{"subscribers", wSubscribers},
	{"subscribing", wSubscribing},
	{"support", wSupport},
	{"supporting", wSupporting},
	{"tap", wTap},
	{"terms", wTerms},
	{"thank", wThank},
	{"today", wToday},
	{"top", wTop},
	{"trending", wTrending},
	{"tweet", wTweet},
	{"up", wUp},
	{"updates", wUpdates},
	{"us", wUs},
	{"use", wUse},
	{"via", wVia},
	{"watch", wWatch},
	{"we", wWe},
	{"weekly", wWeekly},
	{"you", wYou},
	{"your", wYour},
	{"conditions", wConditions},
	{"advertisement", wAdvertisement},
	{"published", wPublished},
	{"updated", wUpdated},
	{"posted", wPosted},
	{"source", wSource},
	{"sources", wSources},
	{"photo", wPhoto},
	{"photos", wPhoto},
	{"photograph", wPhotograph},
	{"image", wImage},
	{"images", wImage},
	{"picture", wPicture},
	{"pictures", wPicture},
	{"credit", wCredit},
	{"credits", wCredits},
	{"ours", wOurs},
	{"yours", wYours},
	{"join", wJoin},
	{"this", wThis},
	{"on", wOn},
	{"with", wWith},
	{"first", wFirst},
	{"modified", wModified},
	{"forward", wForward},
}

// wordSlot maps [wordHash] of a word to 1 + its index in triggerWords, or 0.
var wordSlot = [2048]uint8{
	14: 41, 63: 73, 81: 58, 90: 9, 101: 46, 104: 91, 110: 102, 113: 132, 127: 103, 134: 13,
	135: 139, 143: 106, 148: 57, 151: 128, 152: 151, 159: 22, 161: 37, 164: 3, 174: 88, 176: 7,
	194: 109, 200: 62, 207: 11, 217: 75, 238: 153, 311: 94, 312: 63, 322: 74, 327: 145, 355: 104,
	356: 66, 359: 126, 392: 89, 410: 146, 421: 47, 424: 34, 427: 101, 446: 55, 450: 78, 460: 67,
	471: 18, 475: 96, 502: 31, 531: 68, 533: 32, 535: 155, 547: 144, 563: 131, 572: 49, 594: 87,
	646: 80, 647: 98, 648: 29, 689: 54, 692: 99, 714: 61, 720: 129, 777: 124, 822: 108, 824: 130,
	847: 35, 853: 72, 898: 143, 899: 30, 911: 45, 912: 135, 929: 52, 940: 115, 944: 77, 967: 141,
	994: 113, 1002: 148, 1009: 5, 1025: 84, 1030: 25, 1040: 93, 1042: 150, 1052: 65, 1054: 50, 1065: 95,
	1067: 2, 1085: 39, 1106: 117, 1107: 85, 1118: 152, 1127: 92, 1132: 27, 1138: 147, 1169: 110, 1174: 60,
	1204: 90, 1208: 107, 1224: 28, 1240: 79, 1248: 112, 1266: 71, 1272: 24, 1273: 16, 1291: 123, 1303: 111,
	1306: 33, 1329: 6, 1340: 42, 1349: 81, 1352: 8, 1365: 12, 1370: 53, 1373: 138, 1376: 20, 1410: 21,
	1453: 118, 1467: 4, 1468: 56, 1472: 156, 1484: 86, 1489: 36, 1492: 105, 1493: 140, 1496: 40, 1504: 76,
	1507: 19, 1509: 38, 1511: 159, 1522: 121, 1553: 43, 1574: 122, 1584: 26, 1592: 125, 1603: 51, 1614: 114,
	1624: 10, 1666: 82, 1674: 120, 1677: 59, 1681: 70, 1686: 64, 1689: 48, 1693: 116, 1695: 142, 1719: 15,
	1722: 119, 1724: 160, 1730: 149, 1745: 154, 1753: 127, 1775: 136, 1792: 83, 1829: 14, 1866: 23, 1887: 69, 1907: 137,
	1919: 1, 1927: 44, 1976: 157, 1982: 158, 1985: 97, 1995: 100, 2001: 17, 2002: 133, 2018: 134,
}

// wordHash hashes a word (ASCII letters, any case) for wordSlot: a
// perfect hash over triggerWords, from the first three letters, the last
// letter and the length.
func wordHash(t string) int {
	c0, c1, c2 := int(t[0]|0x20), 0, 0
	if len(t) > 1 {
		c1 = int(t[1] | 0x20)
	}
	if len(t) > 2 {
		c2 = int(t[2] | 0x20)
	}
	cl := int(t[len(t)-1] | 0x20)
	return ((c0*16650 + c1*59869 + c2*63198 + cl*3452 + len(t)*40503) >> 5) & 2047
}

// wordID returns the trigger id of a word of ASCII letters in any case,
// or wNone.
func wordID(t string) uint8 {
	e := &triggerWords[wordSlot[wordHash(t)]]
	if len(e.w) != len(t) || e.id == wNone {
		return wNone
	}
	for i := 0; i < len(t); i++ {
		if t[i]|0x20 != e.w[i] {
			return wNone
		}
	}
	return e.id
}
