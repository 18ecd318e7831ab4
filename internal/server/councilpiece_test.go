package server_test

// councilPiece is a council report of the kind the quote finder credited wrongly before: speakers
// in turn in one sentence, an age and a title that stand for names given before them, a firm
// whose name starts with a title's word, a nationality after said, a document quoted, and names
// with particles.
func councilPiece() realPiece {
	return realPiece{
		name:   "CouncilMeetingSpeakersInTurn",
		title:  "Northfield Votes 7-4 to Close Elm Street Library",
		byline: "Priya Nair, Local Democracy Reporter",
		brief:  "The building will be sold to General Motors for a training centre.",
		body: lines(
			"Northfield councillors voted 7-4 on Monday night to close the Elm Street library and sell the building to General Motors, which plans a training centre on the site.",
			"Council leader Cllr Janet Moore, 58, said the council had “no money left to spread,” Cllr Dev Patel said it would “hollow out the ward,” and the chair of the finance committee, Cllr Pieter van der Berg, said: “We have to decide on the numbers alone.”",
			"“It is a sad night,” the 58-year-old said afterwards, “but not a surprising one.”",
			"A spokesperson for General Motors said in a statement: “We are proud to invest in Northfield.” “The site suits us,” said the Frenchman who leads the project, Luc Moreau.",
			"“Staff were not consulted,” according to the union's submission. Resident Siobhan O'Neill told the meeting: “Where will our children go after school?”",
			"Leader of the Opposition Cllr Rafael de la Cruz said the vote was “a betrayal.” “We will fight it in the courts,” the Leader of the Opposition added.",
		),
		topics:  []string{"Northfield", "Libraries"},
		comment: "Vote count checked against the council's minutes.",
		quotes: []string{"no money left to spread,", "hollow out the ward,", "We have to decide on the numbers alone.", "It is a sad night,",
			"but not a surprising one.", "We are proud to invest in Northfield.", "The site suits us,", "Staff were not consulted,",
			"Where will our children go after school?", "a betrayal.", "We will fight it in the courts,"},
		speakers: []string{"Janet Moore", "Dev Patel", "Pieter van der Berg", "Janet Moore", "Janet Moore", "A spokesperson for General Motors",
			"Luc Moreau", "", "Siobhan O'Neill", "Rafael de la Cruz", "Rafael de la Cruz"},
	}
}
