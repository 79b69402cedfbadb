package parse

import "testing"

// TestSegmentsCallToAction checks the calls to action addressed to the
// reader and the news sentences about the same platforms next to them.
func TestSegmentsCallToAction(t *testing.T) {
	tests := []struct {
		name string
		in   string
		furn bool
	}{
		// furniture: follow / subscribe / forward / share / listen on a platform
		{"follow outlet on WhatsApp", "Follow Diario del Sur Andino on WhatsApp for the latest updates, every day at 7 a.m.", true},
		{"follow on X", "Follow The Courier on X for live coverage of Tuesday's vote.", true},
		{"follow on Threads", "For more, follow our reporters on Threads and Bluesky.", true},
		{"follow after a clause", "For live updates on the quake, follow Radio Sur on Telegram.", true},
		{"subscribe to a channel", "Subscribe to The Ledger on YouTube for a new episode every Friday.", true},
		{"listen on podcast apps", "Listen to The Morning Briefing on Spotify or Apple Podcasts, every weekday from 6 a.m.", true},
		{"join a channel", "Join the Lion City Ledger WhatsApp channel for daily market news.", true},
		{"please share", "Please share this story on Facebook and Instagram.", true},
		{"download an app", "Download the Herald app to get alerts on Monday mornings.", true},
		{"get the latest on Telegram", "Get breaking news on Telegram, seven days a week.", true},
		{"get the latest", "Get the latest headlines every morning at 6 a.m.", true},
		{"forward this email", "Forward this email to a colleague.", true},
		{"forward it by e-mail", "Forward this newsletter to a friend who would enjoy it.", true},
		{"sign up", "Sign up to receive The Dispatch every Monday at 8 a.m.", true},
		{"published every weekday", "The Westminster Dispatch is published every weekday at noon.", true},
		{"published every Friday", "Europa Markets Daily is published every Friday morning.", true},

		// news: the same platforms and verbs in reporting
		{"WhatsApp fined", "WhatsApp was fined on Tuesday for breaching data rules.", false},
		{"newsletter editor", "The newsletter's editor resigned on Friday after the leak.", false},
		{"Telegram founder", "Telegram founder Pavel Durov was arrested in August at an airport near Paris.", false},
		{"share prices", "Share prices of Facebook owner Meta fell on Monday.", false},
		{"follow-up talks", "Follow-up talks on WhatsApp encryption were held on Monday.", false},
		{"users followed", "Millions of users follow the channel on YouTube, the company said on Friday.", false},
		{"forward planning", "Forward planning for the app launch began in March.", false},
		{"forward in news", "Forward guidance from the bank, sent to colleagues by email, changed in May.", false},
		{"get in a sentence", "Officials did not get the email until Tuesday, the inquiry found.", false},
		{"watch in a sentence", "Regulators will watch how TikTok handles the ban from January.", false},
		{"sign language", "Sign language interpreters joined the broadcast on Facebook on Sunday.", false},
		{"signed up in news", "More than 2 million people signed up for the app in its first week.", false},
		{"published every month deep in a sentence", "The figures, published every month by the statistics office, showed prices rising 3% in March.", false},
		{"published in a headline", "Report published every year since 2010 shows rising seas", false},
		{"X as a letter", "Follow the money, said Pope Pius X in 1910.", false},
		{"quoted platform", "Police said the suspect had used Telegram to follow the case in October.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			segs := Segments(tt.in)
			if len(segs) != 1 {
				t.Fatalf("Segments(%q) = %d segments, want 1", tt.in, len(segs))
			}
			if segs[0].Furniture != tt.furn {
				t.Errorf("%q: furniture %v (%s), want %v", tt.in, segs[0].Furniture, segs[0].Reason, tt.furn)
			}
			if tt.furn && segs[0].Reason != reasonPromotion && segs[0].Reason != reasonNavigation {
				t.Errorf("%q: reason %q, want promotion or navigation", tt.in, segs[0].Reason)
			}
		})
	}
}
