package segment

// segCase is one hand-checked segmentation: text in language lang splits into want.
type segCase struct {
	name string // "category/short-description", unique
	lang string // BCP 47: "en", "ru", "kk" (also a few "en-GB", "ru-RU", "kk-Cyrl-KZ")
	text string
	want []string
}

// segCases is the specification of the built-in segmentation rules: each
// case was checked by hand. Segments carry no surrounding whitespace, and
// the segments joined with the whitespace between them give back the text
// (less any whitespace at its very start and end).
var segCases = []segCase{
	// ---------------------------------------------------------------
	// English: plain sentences
	// ---------------------------------------------------------------
	{"en/baseline/two-sentences", "en",
		"Ablyazov was released on Tuesday. He had served less than two years of a six-year sentence.",
		[]string{
			"Ablyazov was released on Tuesday.",
			"He had served less than two years of a six-year sentence.",
		}},
	{"en/baseline/question", "en",
		"Why did Nazarbaev let him go? Nobody in Astana would say.",
		[]string{
			"Why did Nazarbaev let him go?",
			"Nobody in Astana would say.",
		}},
	{"en/baseline/exclamation", "en",
		"The verdict is a disgrace! Human rights groups have condemned it in the strongest terms.",
		[]string{
			"The verdict is a disgrace!",
			"Human rights groups have condemned it in the strongest terms.",
		}},
	{"en/baseline/semicolon-no-break", "en",
		"The DCK welcomed the release; its leaders said the fight for reform would go on.",
		[]string{
			"The DCK welcomed the release; its leaders said the fight for reform would go on.",
		}},
	{"en/baseline/colon-no-break", "en",
		"Human rights groups flagged up three concerns: the amnesty itself, the letter to the president and the timing.",
		[]string{
			"Human rights groups flagged up three concerns: the amnesty itself, the letter to the president and the timing.",
		}},
	{"en/baseline/short-questions-and-answers", "en",
		"Is he free? Yes. Is he innocent? Not in the eyes of the law.",
		[]string{
			"Is he free?",
			"Yes.",
			"Is he innocent?",
			"Not in the eyes of the law.",
		}},
	{"en/baseline/no-final-punctuation", "en",
		"Gaukhar Beketova and Erbol Jumagulov are independent journalists in Almaty",
		[]string{
			"Gaukhar Beketova and Erbol Jumagulov are independent journalists in Almaty",
		}},
	{"en/baseline/next-starts-with-quote", "en",
		"The DCK reacted calmly. “We continue to consider him the leader,” Kozlov said.",
		[]string{
			"The DCK reacted calmly.",
			"“We continue to consider him the leader,” Kozlov said.",
		}},
	{"en/baseline/article-paragraph", "en",
		"Human rights groups said his conviction was politically motivated. Ablyazov had been critical of the president when he was joint leader of Democratic Choice of Kazakstan, DCK, an opposition movement which he helped set up in 2001 after he was dismissed as minister earlier that year. This view was supported by the fact that the other DCK leader, former Pavlodar region governor Galymjan Jakiyanov, was given a seven-year sentence for corruption at the same time.",
		[]string{
			"Human rights groups said his conviction was politically motivated.",
			"Ablyazov had been critical of the president when he was joint leader of Democratic Choice of Kazakstan, DCK, an opposition movement which he helped set up in 2001 after he was dismissed as minister earlier that year.",
			"This view was supported by the fact that the other DCK leader, former Pavlodar region governor Galymjan Jakiyanov, was given a seven-year sentence for corruption at the same time.",
		}},
	{"en/baseline/dash-no-break", "en",
		"Ablyazov himself denies there was any pressure or secret deal – yet he distanced himself from opposition politics the moment he was released.",
		[]string{
			"Ablyazov himself denies there was any pressure or secret deal – yet he distanced himself from opposition politics the moment he was released.",
		}},
	{"en/baseline/british-titles-without-periods", "en-GB",
		"Mr Ablyazov said he would return to business. Dr Nurmukhamedov was cautiously optimistic.",
		[]string{
			"Mr Ablyazov said he would return to business.",
			"Dr Nurmukhamedov was cautiously optimistic.",
		}},

	// ---------------------------------------------------------------
	// English: paragraphs and lines
	// ---------------------------------------------------------------
	{"en/para/heading-then-paragraph", "en",
		"Ablyazov Denies Amnesty Conditional\n\nA leader of the main opposition group in Kazakstan, Mukhtar Ablyazov, has been released from prison.",
		[]string{
			"Ablyazov Denies Amnesty Conditional",
			"A leader of the main opposition group in Kazakstan, Mukhtar Ablyazov, has been released from prison.",
		}},
	{"en/para/title-block-twice", "en",
		"Ablyazov Denies Amnesty Conditional\n\n“No pressure” to end my opposition career insists Kazak dissident as he walks free from jail.\n\nAblyazov Denies Amnesty Conditional\n\n“No pressure” to end my opposition career insists Kazak dissident as he walks free from jail.",
		[]string{
			"Ablyazov Denies Amnesty Conditional",
			"“No pressure” to end my opposition career insists Kazak dissident as he walks free from jail.",
			"Ablyazov Denies Amnesty Conditional",
			"“No pressure” to end my opposition career insists Kazak dissident as he walks free from jail.",
		}},
	{"en/para/hard-wrap-no-break", "en",
		"The former energy, trade and industry minister was serving a six-year\nsentence handed down by the supreme court in July 2002.",
		[]string{
			"The former energy, trade and industry minister was serving a six-year\nsentence handed down by the supreme court in July 2002.",
		}},
	{"en/para/hard-wrap-sentence-ends-at-line-end", "en",
		"The former minister was serving a six-year sentence handed down in July 2002.\nHe was convicted of illegal business dealings and abuse of his\nministerial position.",
		[]string{
			"The former minister was serving a six-year sentence handed down in July 2002.",
			"He was convicted of illegal business dealings and abuse of his\nministerial position.",
		}},
	{"en/para/hard-wrap-after-title", "en",
		"The statement was read out by Mr.\nKozlov at a press conference in Almaty.",
		[]string{
			"The statement was read out by Mr.\nKozlov at a press conference in Almaty.",
		}},
	{"en/para/hard-wrap-after-us", "en",
		"The resolution was passed by the U.S.\nSenate on Thursday.",
		[]string{
			"The resolution was passed by the U.S.\nSenate on Thursday.",
		}},
	{"en/para/blank-line-always-breaks", "en",
		"The former energy, trade and industry minister was serving a six-year sentence\n\nhanded down by the supreme court in July 2002.",
		[]string{
			"The former energy, trade and industry minister was serving a six-year sentence",
			"handed down by the supreme court in July 2002.",
		}},
	{"en/para/byline", "en",
		"By Gaukhar Beketova and Erbol Jumagulov in Almaty\n\nKazak president Nursultan Nazarbaev signed an order on May 13 freeing a number of prisoners.",
		[]string{
			"By Gaukhar Beketova and Erbol Jumagulov in Almaty",
			"Kazak president Nursultan Nazarbaev signed an order on May 13 freeing a number of prisoners.",
		}},
	{"en/para/several-blank-lines", "en",
		"Ablyazov’s release followed pressure from the European parliament.\n\n\n\nHuman rights groups welcomed the move.",
		[]string{
			"Ablyazov’s release followed pressure from the European parliament.",
			"Human rights groups welcomed the move.",
		}},
	{"en/para/whitespace-only-line-is-blank", "en",
		"Support our journalists\n   \nIWPR relies on donations from its readers.",
		[]string{
			"Support our journalists",
			"IWPR relies on donations from its readers.",
		}},
	{"en/para/crlf-blank-line", "en",
		"Ablyazov Denies Amnesty Conditional\r\n\r\nA leader of the main opposition group has been released.",
		[]string{
			"Ablyazov Denies Amnesty Conditional",
			"A leader of the main opposition group has been released.",
		}},
	{"en/para/surrounding-whitespace", "en",
		"   The DCK reacted calmly to the remarks.   ",
		[]string{
			"The DCK reacted calmly to the remarks.",
		}},
	{"en/para/heading-with-colon", "en",
		"Background: the DCK\n\nDemocratic Choice of Kazakstan was set up in 2001.",
		[]string{
			"Background: the DCK",
			"Democratic Choice of Kazakstan was set up in 2001.",
		}},

	// ---------------------------------------------------------------
	// English: lists and numbered paragraphs
	// ---------------------------------------------------------------
	{"en/lists/numbered-with-intro", "en",
		"The DCK set out three demands:\n1. The release of all political prisoners.\n2. Free and fair parliamentary elections.\n3. An independent judiciary.",
		[]string{
			"The DCK set out three demands:",
			"1. The release of all political prisoners.",
			"2. Free and fair parliamentary elections.",
			"3. An independent judiciary.",
		}},
	{"en/lists/dash-bullets-no-punctuation", "en",
		"Key concerns raised by human rights groups:\n- the use of an amnesty instead of a pardon\n- the letter to the president\n- the timing of the release",
		[]string{
			"Key concerns raised by human rights groups:",
			"- the use of an amnesty instead of a pardon",
			"- the letter to the president",
			"- the timing of the release",
		}},
	{"en/lists/star-bullets", "en",
		"Still in jail:\n* Galymzhan Zhakiyanov, former governor of Pavlodar region\n* Sergei Duvanov, journalist",
		[]string{
			"Still in jail:",
			"* Galymzhan Zhakiyanov, former governor of Pavlodar region",
			"* Sergei Duvanov, journalist",
		}},
	{"en/lists/round-bullets", "en",
		"The foundation’s statement makes two points:\n• The decree was a political decision.\n• The case was politically motivated from the very beginning.",
		[]string{
			"The foundation’s statement makes two points:",
			"• The decree was a political decision.",
			"• The case was politically motivated from the very beginning.",
		}},
	{"en/lists/paren-numbers", "en",
		"Under the law, a convict may:\n1) appeal to the supreme court;\n2) ask the president for clemency;\n3) apply for parole after serving half of the sentence.",
		[]string{
			"Under the law, a convict may:",
			"1) appeal to the supreme court;",
			"2) ask the president for clemency;",
			"3) apply for parole after serving half of the sentence.",
		}},
	{"en/lists/letter-markers", "en",
		"The amnesty does not apply to:\na) persons convicted of grave crimes;\nb) repeat offenders;\nc) persons who have refused to admit guilt.",
		[]string{
			"The amnesty does not apply to:",
			"a) persons convicted of grave crimes;",
			"b) repeat offenders;",
			"c) persons who have refused to admit guilt.",
		}},
	{"en/lists/numbered-paragraph-two-sentences", "en",
		"1. The decree takes effect on the day of its publication. It applies to all prisoners convicted before May 1.\n2. The government shall ensure its implementation.",
		[]string{
			"1. The decree takes effect on the day of its publication.",
			"It applies to all prisoners convicted before May 1.",
			"2. The government shall ensure its implementation.",
		}},
	{"en/lists/items-with-abbreviations", "en",
		"Those present included:\n- Mr. Kozlov, DCK press secretary\n- U.S. and E.U. diplomats\n- Dr. Nurmukhamedov",
		[]string{
			"Those present included:",
			"- Mr. Kozlov, DCK press secretary",
			"- U.S. and E.U. diplomats",
			"- Dr. Nurmukhamedov",
		}},
	{"en/lists/two-digit-numbers", "en",
		"9. Appeals shall be heard within 30 days.\n10. This law enters into force on Jan. 1, 2004.",
		[]string{
			"9. Appeals shall be heard within 30 days.",
			"10. This law enters into force on Jan. 1, 2004.",
		}},
	{"en/lists/wrapped-year-is-not-a-marker", "en",
		"Ablyazov helped set up the movement in\n2001 after he was dismissed as minister.",
		[]string{
			"Ablyazov helped set up the movement in\n2001 after he was dismissed as minister.",
		}},
	{"en/lists/wrapped-item", "en",
		"Demands:\n- the release of Galymzhan Zhakiyanov, who was given a\n  seven-year sentence in 2002\n- an end to the prosecution of journalists",
		[]string{
			"Demands:",
			"- the release of Galymzhan Zhakiyanov, who was given a\n  seven-year sentence in 2002",
			"- an end to the prosecution of journalists",
		}},

	// ---------------------------------------------------------------
	// English: titles and honorifics
	// ---------------------------------------------------------------
	{"en/titles/mr-before-name", "en",
		"Mr. Ablyazov told a press conference that there had been no pressure.",
		[]string{
			"Mr. Ablyazov told a press conference that there had been no pressure.",
		}},
	{"en/titles/ms-before-name", "en",
		"Ms. Taukina, a member of the DCK’s political council, agrees.",
		[]string{
			"Ms. Taukina, a member of the DCK’s political council, agrees.",
		}},
	{"en/titles/dr-then-new-sentence", "en",
		"Dr. Nurmukhamedov is cautiously optimistic. He said the release may signal a change of heart.",
		[]string{
			"Dr. Nurmukhamedov is cautiously optimistic.",
			"He said the release may signal a change of heart.",
		}},
	{"en/titles/gen", "en",
		"Gen. Mukhtar Altynbaev, the defence minister, did not attend the ceremony.",
		[]string{
			"Gen. Mukhtar Altynbaev, the defence minister, did not attend the ceremony.",
		}},
	{"en/titles/sen", "en",
		"Sen. John McCain raised the case with Kazak officials in Washington.",
		[]string{
			"Sen. John McCain raised the case with Kazak officials in Washington.",
		}},
	{"en/titles/gov", "en",
		"Gov. Galymzhan Zhakiyanov was dismissed in November 2001.",
		[]string{
			"Gov. Galymzhan Zhakiyanov was dismissed in November 2001.",
		}},
	{"en/titles/prof", "en",
		"Prof. Daniyar Seitkali of the Institute for National Research disagreed.",
		[]string{
			"Prof. Daniyar Seitkali of the Institute for National Research disagreed.",
		}},
	{"en/titles/rev", "en",
		"The Rev. Alexander Ivanov, an Orthodox priest, visited the prison camp.",
		[]string{
			"The Rev. Alexander Ivanov, an Orthodox priest, visited the prison camp.",
		}},
	{"en/titles/st-place-name", "en",
		"The summit will be held in St. Petersburg next month.",
		[]string{
			"The summit will be held in St. Petersburg next month.",
		}},
	{"en/titles/lt-col", "en",
		"Lt. Col. Ivan Petrov of the financial police declined to comment.",
		[]string{
			"Lt. Col. Ivan Petrov of the financial police declined to comment.",
		}},
	{"en/titles/capt", "en",
		"Capt. Serik Akhmetov, the prison commander, signed the release papers.",
		[]string{
			"Capt. Serik Akhmetov, the prison commander, signed the release papers.",
		}},
	{"en/titles/mr-and-mrs", "en",
		"Mr. and Mrs. Duvanov declined to speak to reporters.",
		[]string{
			"Mr. and Mrs. Duvanov declined to speak to reporters.",
		}},
	{"en/titles/mrs-with-initial", "en",
		"Mrs. E. Rebenchuk, his lawyer, said on May 12 that he had no plans to request an amnesty.",
		[]string{
			"Mrs. E. Rebenchuk, his lawyer, said on May 12 that he had no plans to request an amnesty.",
		}},
	{"en/titles/title-starts-second-sentence", "en",
		"The prison doctor examined him on Monday. Dr. Petrova said his health had deteriorated.",
		[]string{
			"The prison doctor examined him on Monday.",
			"Dr. Petrova said his health had deteriorated.",
		}},
	{"en/titles/several-in-one-sentence", "en",
		"Gov. Zhakiyanov and Mr. Ablyazov met Sen. Brownback and Dr. Smith in Almaty.",
		[]string{
			"Gov. Zhakiyanov and Mr. Ablyazov met Sen. Brownback and Dr. Smith in Almaty.",
		}},

	// ---------------------------------------------------------------
	// English: months and weekdays
	// ---------------------------------------------------------------
	{"en/months/jan-day", "en",
		"The trial opened on Jan. 5 in Almaty.",
		[]string{
			"The trial opened on Jan. 5 in Almaty.",
		}},
	{"en/months/sept-11", "en",
		"The attacks of Sept. 11 changed U.S. policy in Central Asia.",
		[]string{
			"The attacks of Sept. 11 changed U.S. policy in Central Asia.",
		}},
	{"en/months/dec-day-year", "en",
		"On Dec. 16, 1991, Kazakstan declared independence.",
		[]string{
			"On Dec. 16, 1991, Kazakstan declared independence.",
		}},
	{"en/months/aug-year", "en",
		"The report was completed in Aug. 2003 but has not been published.",
		[]string{
			"The report was completed in Aug. 2003 but has not been published.",
		}},
	{"en/months/two-dates", "en",
		"Elections are due on Oct. 5 and a run-off, if needed, on Oct. 19.",
		[]string{
			"Elections are due on Oct. 5 and a run-off, if needed, on Oct. 19.",
		}},
	{"en/months/date-ends-sentence", "en",
		"Parliament reconvenes on Sept. 1. Deputies are expected to debate the amnesty bill.",
		[]string{
			"Parliament reconvenes on Sept. 1.",
			"Deputies are expected to debate the amnesty bill.",
		}},
	{"en/months/weekday-and-date", "en",
		"The verdict is expected on Mon., Feb. 9, in the Almaty city court.",
		[]string{
			"The verdict is expected on Mon., Feb. 9, in the Almaty city court.",
		}},
	{"en/months/weekdays-before-lowercase", "en",
		"The hearing was moved from Tues. to Thurs. because the judge was ill.",
		[]string{
			"The hearing was moved from Tues. to Thurs. because the judge was ill.",
		}},
	{"en/months/weekday-date-ends-sentence", "en",
		"The court will rule on Wed., Jan. 14. Both sides have said they will appeal.",
		[]string{
			"The court will rule on Wed., Jan. 14.",
			"Both sides have said they will appeal.",
		}},
	{"en/months/nov-feb", "en",
		"The campaign ran from Nov. 3 to Feb. 2, officials said.",
		[]string{
			"The campaign ran from Nov. 3 to Feb. 2, officials said.",
		}},

	// ---------------------------------------------------------------
	// English: dates
	// ---------------------------------------------------------------
	{"en/dates/may-13-ends-sentence", "en",
		"Kazak president Nursultan Nazarbaev signed an order on May 13. He also freed a number of other prisoners.",
		[]string{
			"Kazak president Nursultan Nazarbaev signed an order on May 13.",
			"He also freed a number of other prisoners.",
		}},
	{"en/dates/day-month-ends-sentence", "en-GB",
		"The order was signed on 13 May. Ablyazov walked free the same day.",
		[]string{
			"The order was signed on 13 May.",
			"Ablyazov walked free the same day.",
		}},
	{"en/dates/dotted-date", "en",
		"The decree is dated 10.05.2004 and takes effect immediately.",
		[]string{
			"The decree is dated 10.05.2004 and takes effect immediately.",
		}},
	{"en/dates/dotted-date-ends-sentence", "en",
		"The ruling was issued on 12.06.2003. It was never made public.",
		[]string{
			"The ruling was issued on 12.06.2003.",
			"It was never made public.",
		}},
	{"en/dates/month-year-ends-sentence", "en",
		"He was convicted in July 2002. The supreme court rejected his appeal.",
		[]string{
			"He was convicted in July 2002.",
			"The supreme court rejected his appeal.",
		}},
	{"en/dates/year-ends-sentence", "en",
		"The DCK was founded in 2001. Its leaders had been dismissed from government earlier that year.",
		[]string{
			"The DCK was founded in 2001.",
			"Its leaders had been dismissed from government earlier that year.",
		}},
	{"en/dates/full-date-mid-sentence", "en",
		"On May 13, 2003, the president signed the order.",
		[]string{
			"On May 13, 2003, the president signed the order.",
		}},
	{"en/dates/decade-ends-sentence", "en",
		"Press freedom deteriorated in the late 1990s. Then came the crackdown of 2002.",
		[]string{
			"Press freedom deteriorated in the late 1990s.",
			"Then came the crackdown of 2002.",
		}},
	{"en/dates/date-range-ends-sentence", "en",
		"Police detained 30 people on the night of May 12-13. Most were released without charge.",
		[]string{
			"Police detained 30 people on the night of May 12-13.",
			"Most were released without charge.",
		}},
	{"en/dates/british-time", "en-GB",
		"He walked out of the prison gates at 10.30 on Wednesday morning.",
		[]string{
			"He walked out of the prison gates at 10.30 on Wednesday morning.",
		}},

	// ---------------------------------------------------------------
	// English: companies and legal references
	// ---------------------------------------------------------------
	{"en/company/corp-mid-sentence", "en",
		"Chevron Corp. and ExxonMobil Corp. are partners in the Tengiz oil field.",
		[]string{
			"Chevron Corp. and ExxonMobil Corp. are partners in the Tengiz oil field.",
		}},
	{"en/company/corp-ends-sentence", "en",
		"The field is operated by a subsidiary of Chevron Corp. It produces about 300,000 barrels a day.",
		[]string{
			"The field is operated by a subsidiary of Chevron Corp.",
			"It produces about 300,000 barrels a day.",
		}},
	{"en/company/co-ends-sentence", "en",
		"The deal was signed with Pitt, Briggs & Co. The terms were not disclosed.",
		[]string{
			"The deal was signed with Pitt, Briggs & Co.",
			"The terms were not disclosed.",
		}},
	{"en/company/co-before-lowercase", "en",
		"They closed the deal with Pitt, Briggs & Co. at noon on Friday.",
		[]string{
			"They closed the deal with Pitt, Briggs & Co. at noon on Friday.",
		}},
	{"en/company/ltd-ends-sentence", "en",
		"The stake was sold to Eurasia Holdings Ltd. It is registered in Cyprus.",
		[]string{
			"The stake was sold to Eurasia Holdings Ltd.",
			"It is registered in Cyprus.",
		}},
	{"en/company/ltd-subject", "en",
		"Astana Trading Ltd. has denied the allegations.",
		[]string{
			"Astana Trading Ltd. has denied the allegations.",
		}},
	{"en/company/inc-ends-sentence", "en",
		"The lawsuit was filed by Big Sky Energy Inc. The company is based in Canada.",
		[]string{
			"The lawsuit was filed by Big Sky Energy Inc.",
			"The company is based in Canada.",
		}},
	{"en/company/inc-possessive", "en",
		"Apple Inc.'s sales in Kazakstan doubled last year.",
		[]string{
			"Apple Inc.'s sales in Kazakstan doubled last year.",
		}},
	{"en/company/no-number", "en",
		"Security Council Resolution No. 1373 was adopted unanimously.",
		[]string{
			"Security Council Resolution No. 1373 was adopted unanimously.",
		}},
	{"en/company/no-number-ends-sentence", "en",
		"He was held in cell No. 12. The guards refused to let his lawyer in.",
		[]string{
			"He was held in cell No. 12.",
			"The guards refused to let his lawyer in.",
		}},
	{"en/company/no-starts-sentence", "en",
		"No. 10 Downing Street said it was following the case closely.",
		[]string{
			"No. 10 Downing Street said it was following the case closely.",
		}},
	{"en/company/art-number", "en",
		"Under Art. 307 of the Criminal Code, abuse of office carries a prison sentence.",
		[]string{
			"Under Art. 307 of the Criminal Code, abuse of office carries a prison sentence.",
		}},
	{"en/company/vs", "en",
		"The case of BTA Bank vs. Ablyazov was heard in London.",
		[]string{
			"The case of BTA Bank vs. Ablyazov was heard in London.",
		}},
	{"en/company/v-in-case-name", "en-GB",
		"In JSC BTA Bank v. Ablyazov, the court found the defendant in contempt.",
		[]string{
			"In JSC BTA Bank v. Ablyazov, the court found the defendant in contempt.",
		}},

	// ---------------------------------------------------------------
	// English: Latin abbreviations
	// ---------------------------------------------------------------
	{"en/latin/eg-before-capital", "en",
		"Several regions, e.g. Atyrau and Mangistau, reported fuel shortages.",
		[]string{
			"Several regions, e.g. Atyrau and Mangistau, reported fuel shortages.",
		}},
	{"en/latin/eg-with-comma", "en",
		"Opposition media, e.g., the weekly Respublika, have been closed down.",
		[]string{
			"Opposition media, e.g., the weekly Respublika, have been closed down.",
		}},
	{"en/latin/ie-before-lowercase", "en",
		"He was freed under an amnesty, i.e. he was not pardoned.",
		[]string{
			"He was freed under an amnesty, i.e. he was not pardoned.",
		}},
	{"en/latin/ie-before-name", "en",
		"The final decision rests with the head of state, i.e. Nazarbaev himself.",
		[]string{
			"The final decision rests with the head of state, i.e. Nazarbaev himself.",
		}},
	{"en/latin/etc-ends-sentence", "en",
		"The inspections covered banks, pension funds, insurers, etc. The regulator will publish its findings in June.",
		[]string{
			"The inspections covered banks, pension funds, insurers, etc.",
			"The regulator will publish its findings in June.",
		}},
	{"en/latin/etc-mid-sentence", "en",
		"Banks, pension funds, etc. were inspected last month.",
		[]string{
			"Banks, pension funds, etc. were inspected last month.",
		}},
	{"en/latin/etc-with-comma", "en",
		"Leaflets, posters, etc., were seized by the police.",
		[]string{
			"Leaflets, posters, etc., were seized by the police.",
		}},
	{"en/latin/etc-in-brackets-ends-sentence", "en",
		"Dozens of firms were affected (banks, insurers, etc.). The regulator declined to comment.",
		[]string{
			"Dozens of firms were affected (banks, insurers, etc.).",
			"The regulator declined to comment.",
		}},
	{"en/latin/approx-starts-sentence", "en",
		"Approx. 300 people attended the rally.",
		[]string{
			"Approx. 300 people attended the rally.",
		}},
	{"en/latin/approx-money", "en",
		"The loss, approx. $1.2 bn, was never recovered.",
		[]string{
			"The loss, approx. $1.2 bn, was never recovered.",
		}},
	{"en/latin/cf-in-brackets", "en",
		"The amnesty law (cf. Art. 5 of the Constitution) applies only to minor offences.",
		[]string{
			"The amnesty law (cf. Art. 5 of the Constitution) applies only to minor offences.",
		}},
	{"en/latin/et-al", "en",
		"A study by Olcott et al. found that the opposition was weak.",
		[]string{
			"A study by Olcott et al. found that the opposition was weak.",
		}},

	// ---------------------------------------------------------------
	// English: times of day
	// ---------------------------------------------------------------
	{"en/times/pm-then-sentence", "en",
		"He left at 6 p.m. The police arrived later.",
		[]string{
			"He left at 6 p.m.",
			"The police arrived later.",
		}},
	{"en/times/am-then-lowercase", "en",
		"The hearing began at 10 a.m. on Monday.",
		[]string{
			"The hearing began at 10 a.m. on Monday.",
		}},
	{"en/times/am-to-pm-local-time", "en",
		"Polling stations are open from 8 a.m. to 8 p.m. local time.",
		[]string{
			"Polling stations are open from 8 a.m. to 8 p.m. local time.",
		}},
	{"en/times/pm-astana-time", "en",
		"The results will be announced at 8 p.m. Astana time.",
		[]string{
			"The results will be announced at 8 p.m. Astana time.",
		}},
	{"en/times/pm-weekday", "en",
		"The polls closed at 8 p.m. Sunday and counting began at once.",
		[]string{
			"The polls closed at 8 p.m. Sunday and counting began at once.",
		}},
	{"en/times/am-then-sentence", "en",
		"He was released at 11 a.m. Relatives were waiting at the prison gate.",
		[]string{
			"He was released at 11 a.m.",
			"Relatives were waiting at the prison gate.",
		}},
	{"en/times/clock-am-then-it", "en",
		"The press conference started at 10:30 a.m. It lasted just over an hour.",
		[]string{
			"The press conference started at 10:30 a.m.",
			"It lasted just over an hour.",
		}},
	{"en/times/am-then-bracket", "en",
		"The decree was published at 11 a.m. (0500 GMT) on Tuesday.",
		[]string{
			"The decree was published at 11 a.m. (0500 GMT) on Tuesday.",
		}},
	{"en/times/pm-then-comma", "en",
		"By 9 p.m., several thousand people had gathered in the square.",
		[]string{
			"By 9 p.m., several thousand people had gathered in the square.",
		}},
	{"en/times/pm-then-mr", "en",
		"He left the court at 6 p.m. Mr. Ablyazov's lawyers then spoke to reporters.",
		[]string{
			"He left the court at 6 p.m.",
			"Mr. Ablyazov's lawyers then spoke to reporters.",
		}},
	{"en/times/sentence-initial-am", "en",
		"At 11 a.m. a crowd gathered outside the prison.",
		[]string{
			"At 11 a.m. a crowd gathered outside the prison.",
		}},

	// ---------------------------------------------------------------
	// English: countries and organisations
	// ---------------------------------------------------------------
	{"en/countries/us-senate", "en",
		"The U.S. Senate passed a resolution on human rights in Kazakstan.",
		[]string{
			"The U.S. Senate passed a resolution on human rights in Kazakstan.",
		}},
	{"en/countries/us-president-name", "en",
		"U.S. President George W. Bush met Nazarbaev in Washington in December 2001.",
		[]string{
			"U.S. President George W. Bush met Nazarbaev in Washington in December 2001.",
		}},
	{"en/countries/us-ends-sentence", "en",
		"He lives in the U.S. He moved there in 2001.",
		[]string{
			"He lives in the U.S.",
			"He moved there in 2001.",
		}},
	{"en/countries/eu-then-but", "en",
		"Astana hoped to sign a partnership deal with the E.U. But the talks failed.",
		[]string{
			"Astana hoped to sign a partnership deal with the E.U.",
			"But the talks failed.",
		}},
	{"en/countries/un-security-council", "en",
		"The U.N. Security Council discussed the situation in Central Asia.",
		[]string{
			"The U.N. Security Council discussed the situation in Central Asia.",
		}},
	{"en/countries/un-secretary-general", "en",
		"U.N. Secretary-General Kofi Annan welcomed the amnesty.",
		[]string{
			"U.N. Secretary-General Kofi Annan welcomed the amnesty.",
		}},
	{"en/countries/uk-foreign-office", "en",
		"The U.K. Foreign Office said it was following the case.",
		[]string{
			"The U.K. Foreign Office said it was following the case.",
		}},
	{"en/countries/uk-ends-sentence", "en",
		"Ablyazov later fled to the U.K. The British authorities granted him asylum.",
		[]string{
			"Ablyazov later fled to the U.K.",
			"The British authorities granted him asylum.",
		}},
	{"en/countries/ussr-then-year", "en",
		"After the collapse of the U.S.S.R. in 1991, Kazakstan became independent.",
		[]string{
			"After the collapse of the U.S.S.R. in 1991, Kazakstan became independent.",
		}},
	{"en/countries/ussr-ends-sentence", "en",
		"Kazakstan was part of the U.S.S.R. The republic declared independence in December 1991.",
		[]string{
			"Kazakstan was part of the U.S.S.R.",
			"The republic declared independence in December 1991.",
		}},
	{"en/countries/us-dollars", "en",
		"The deals allegedly cost the state more than three million U.S. dollars.",
		[]string{
			"The deals allegedly cost the state more than three million U.S. dollars.",
		}},
	{"en/countries/us-for-years", "en",
		"He has lived in the U.S. for 20 years.",
		[]string{
			"He has lived in the U.S. for 20 years.",
		}},
	{"en/countries/us-government", "en",
		"She works for the U.S. Government in Washington.",
		[]string{
			"She works for the U.S. Government in Washington.",
		}},
	{"en/countries/us-hyphenated", "en",
		"U.S.-Kazak relations have improved since 2001.",
		[]string{
			"U.S.-Kazak relations have improved since 2001.",
		}},
	{"en/countries/un-then-it", "en",
		"The report was sent to the U.N. It has not been published.",
		[]string{
			"The report was sent to the U.N.",
			"It has not been published.",
		}},
	{"en/countries/us-and-eu", "en",
		"Both the U.S. and the E.U. welcomed Ablyazov’s release.",
		[]string{
			"Both the U.S. and the E.U. welcomed Ablyazov’s release.",
		}},
	{"en/countries/us-state-department", "en",
		"A U.S. State Department spokesman called the verdict politically motivated.",
		[]string{
			"A U.S. State Department spokesman called the verdict politically motivated.",
		}},
	{"en/countries/eu-member-states", "en",
		"E.U. member states have not agreed on a common position.",
		[]string{
			"E.U. member states have not agreed on a common position.",
		}},

	// ---------------------------------------------------------------
	// English: initials
	// ---------------------------------------------------------------
	{"en/initials/single-initial", "en",
		"N. Nazarbaev signed the decree on Tuesday.",
		[]string{
			"N. Nazarbaev signed the decree on Tuesday.",
		}},
	{"en/initials/three-initials", "en",
		"J. R. R. Tolkien’s books are best-sellers in Almaty.",
		[]string{
			"J. R. R. Tolkien’s books are best-sellers in Almaty.",
		}},
	{"en/initials/middle-initial", "en",
		"Nursultan A. Nazarbaev was re-elected in 1999.",
		[]string{
			"Nursultan A. Nazarbaev was re-elected in 1999.",
		}},
	{"en/initials/unspaced-pair", "en",
		"J.P. Morgan Chase advised the government on the bond issue.",
		[]string{
			"J.P. Morgan Chase advised the government on the bond issue.",
		}},
	{"en/initials/two-authors", "en",
		"The report was written by T. Smith and K. Jones of the OSCE.",
		[]string{
			"The report was written by T. Smith and K. Jones of the OSCE.",
		}},
	{"en/initials/middle-initial-ablyazov", "en",
		"Mukhtar K. Ablyazov was born in 1963.",
		[]string{
			"Mukhtar K. Ablyazov was born in 1963.",
		}},
	{"en/initials/starts-sentence", "en",
		"The appeal was lodged on Monday. E. Rebenchuk, his lawyer, said he would fight the conviction.",
		[]string{
			"The appeal was lodged on Monday.",
			"E. Rebenchuk, his lawyer, said he would fight the conviction.",
		}},
	{"en/initials/line-wrap-after-initial", "en",
		"The decree was signed by Nursultan A.\nNazarbaev on May 13.",
		[]string{
			"The decree was signed by Nursultan A.\nNazarbaev on May 13.",
		}},
	{"en/initials/one-letter-word-ends-sentence", "en",
		"The government now has to fall back on Plan B. The ministry has not said what that is.",
		[]string{
			"The government now has to fall back on Plan B.",
			"The ministry has not said what that is.",
		}},

	// ---------------------------------------------------------------
	// English: numbers and decimals
	// ---------------------------------------------------------------
	{"en/numbers/per-cent", "en-GB",
		"GDP grew by 3.5 per cent in the first quarter.",
		[]string{
			"GDP grew by 3.5 per cent in the first quarter.",
		}},
	{"en/numbers/billion", "en",
		"The loan is worth $1.2 bn over five years.",
		[]string{
			"The loan is worth $1.2 bn over five years.",
		}},
	{"en/numbers/million", "en",
		"The fine was set at 12.5 million tenge.",
		[]string{
			"The fine was set at 12.5 million tenge.",
		}},
	{"en/numbers/version", "en",
		"The electronic voting system, version 2.0, was tested in Astana.",
		[]string{
			"The electronic voting system, version 2.0, was tested in Astana.",
		}},
	{"en/numbers/page", "en",
		"The figure appears on p. 55 of the report.",
		[]string{
			"The figure appears on p. 55 of the report.",
		}},
	{"en/numbers/thousands-and-decimals", "en",
		"The budget deficit was 1,234.56 million tenge.",
		[]string{
			"The budget deficit was 1,234.56 million tenge.",
		}},
	{"en/numbers/decimal-ends-sentence", "en",
		"The index fell to 102.3. Analysts blamed lower oil prices.",
		[]string{
			"The index fell to 102.3.",
			"Analysts blamed lower oil prices.",
		}},
	{"en/numbers/dotted-number-ends-sentence", "en",
		"The decree’s registration number is 1026.253.553. That number appears on every page.",
		[]string{
			"The decree’s registration number is 1026.253.553.",
			"That number appears on every page.",
		}},
	{"en/numbers/article-subsection", "en",
		"Article 3.1 of the law was amended in 2002.",
		[]string{
			"Article 3.1 of the law was amended in 2002.",
		}},
	{"en/numbers/section-three-levels", "en",
		"Section 4.2.1 of the report deals with the Duvanov case.",
		[]string{
			"Section 4.2.1 of the report deals with the Duvanov case.",
		}},
	{"en/numbers/exchange-rate", "en",
		"The tenge traded at 150.3 to the dollar.",
		[]string{
			"The tenge traded at 150.3 to the dollar.",
		}},
	{"en/numbers/per-cent-ends-sentence", "en",
		"He won 91.15 per cent of the vote. The OSCE said the election fell short of international standards.",
		[]string{
			"He won 91.15 per cent of the vote.",
			"The OSCE said the election fell short of international standards.",
		}},
	{"en/numbers/decimal-range-ends-sentence", "en",
		"The figure rose from 3.5 to 4.2. The ministry said the increase was temporary.",
		[]string{
			"The figure rose from 3.5 to 4.2.",
			"The ministry said the increase was temporary.",
		}},
	{"en/numbers/money-ends-sentence", "en",
		"The fine was set at $5,000.00. It must be paid within a month.",
		[]string{
			"The fine was set at $5,000.00.",
			"It must be paid within a month.",
		}},

	// ---------------------------------------------------------------
	// English: ellipses
	// ---------------------------------------------------------------
	{"en/ellipsis/mid-sentence-lowercase", "en",
		"“I wasn’t really ... well, what I mean is that nobody asked me,” he said.",
		[]string{
			"“I wasn’t really ... well, what I mean is that nobody asked me,” he said.",
		}},
	{"en/ellipsis/then-capital", "en",
		"He paused… Then he spoke about the amnesty.",
		[]string{
			"He paused…",
			"Then he spoke about the amnesty.",
		}},
	{"en/ellipsis/three-dots-then-capital", "en",
		"The DCK waited... But no answer came.",
		[]string{
			"The DCK waited...",
			"But no answer came.",
		}},
	{"en/ellipsis/final", "en",
		"The opposition is weakened, divided, demoralised…",
		[]string{
			"The opposition is weakened, divided, demoralised…",
		}},
	{"en/ellipsis/four-dots", "en",
		"He said nothing more.... The press conference ended abruptly.",
		[]string{
			"He said nothing more....",
			"The press conference ended abruptly.",
		}},
	{"en/ellipsis/spaced-mid-sentence", "en",
		"The law on amnesty . . . does not cover political prisoners.",
		[]string{
			"The law on amnesty . . . does not cover political prisoners.",
		}},
	{"en/ellipsis/spaced-at-sentence-end", "en",
		"Press freedom, which was somewhat weakened . . . had been a point of national pride. . . . The erosion began in 2001. . . .",
		[]string{
			"Press freedom, which was somewhat weakened . . . had been a point of national pride. . . .",
			"The erosion began in 2001. . . .",
		}},
	{"en/ellipsis/in-quote-then-lowercase", "en",
		"“We will see…” he said.",
		[]string{
			"“We will see…” he said.",
		}},
	{"en/ellipsis/in-quote-then-capital", "en",
		"“We will see…” The minister left the room without another word.",
		[]string{
			"“We will see…”",
			"The minister left the room without another word.",
		}},
	{"en/ellipsis/bracketed-omission", "en",
		"“The decree’s contents show […] that it was a political decision,” the foundation said.",
		[]string{
			"“The decree’s contents show […] that it was a political decision,” the foundation said.",
		}},
	{"en/ellipsis/leading", "en",
		"…and so the trial continued without him.",
		[]string{
			"…and so the trial continued without him.",
		}},
	{"en/ellipsis/then-question-mark", "en",
		"Is this the end of his political career...? Nobody knows.",
		[]string{
			"Is this the end of his political career...?",
			"Nobody knows.",
		}},

	// ---------------------------------------------------------------
	// English: closing quotes and brackets after the terminator
	// ---------------------------------------------------------------
	{"en/quotes/period-inside-then-he", "en",
		"“Mukhtar Ablyazov is free.” He said the decision was final.",
		[]string{
			"“Mukhtar Ablyazov is free.”",
			"He said the decision was final.",
		}},
	{"en/quotes/period-inside-then-lowercase", "en",
		"“This is great news for his family.” she said.",
		[]string{
			"“This is great news for his family.” she said.",
		}},
	{"en/quotes/parenthetical-sentence", "en",
		"The DCK announced its decision on Monday. (He was not consulted.) Ablyazov later said he agreed with it.",
		[]string{
			"The DCK announced its decision on Monday.",
			"(He was not consulted.)",
			"Ablyazov later said he agreed with it.",
		}},
	{"en/quotes/bracketed-sentence-inside-sentence", "en",
		"The lawyer (She has represented the DCK since 2001.) declined to comment.",
		[]string{
			"The lawyer (She has represented the DCK since 2001.) declined to comment.",
		}},
	{"en/quotes/single-curly", "en",
		"‘We will appeal.’ The lawyer left the court without further comment.",
		[]string{
			"‘We will appeal.’",
			"The lawyer left the court without further comment.",
		}},
	{"en/quotes/straight-double", "en",
		"\"The verdict is political.\" His lawyer said so outside the court.",
		[]string{
			"\"The verdict is political.\"",
			"His lawyer said so outside the court.",
		}},
	{"en/quotes/bracket-then-period", "en",
		"He said the ruling was final (the supreme court had already rejected an appeal). The DCK disagreed.",
		[]string{
			"He said the ruling was final (the supreme court had already rejected an appeal).",
			"The DCK disagreed.",
		}},
	{"en/quotes/nested-quotes-close", "en",
		"Kozlov said: “He told us, ‘We are not afraid.’” The DCK later confirmed the remark.",
		[]string{
			"Kozlov said: “He told us, ‘We are not afraid.’”",
			"The DCK later confirmed the remark.",
		}},
	{"en/quotes/quote-ends-paragraph", "en",
		"Roslana Taukina, a member of the DCK’s political council, agrees, “Ablyazov’s release is a political decision, which shows that he was also sentenced for political reasons.”",
		[]string{
			"Roslana Taukina, a member of the DCK’s political council, agrees, “Ablyazov’s release is a political decision, which shows that he was also sentenced for political reasons.”",
		}},
	{"en/quotes/scare-quotes-mid-sentence", "en",
		"Ablyazov said he would leave the DCK to “concentrate on business” and recover his health. A prominent businessman in the past, he intends to return to his Astana company.",
		[]string{
			"Ablyazov said he would leave the DCK to “concentrate on business” and recover his health.",
			"A prominent businessman in the past, he intends to return to his Astana company.",
		}},
	{"en/quotes/comma-inside-then-attribution", "en",
		"“Ablyazov is released from further imprisonment,” announced the president’s press office.",
		[]string{
			"“Ablyazov is released from further imprisonment,” announced the president’s press office.",
		}},
	{"en/quotes/standfirst-starting-with-quote", "en",
		"“No pressure” to end my opposition career insists Kazak dissident as he walks free from jail.",
		[]string{
			"“No pressure” to end my opposition career insists Kazak dissident as he walks free from jail.",
		}},

	// ---------------------------------------------------------------
	// English: multi-sentence quotations
	// ---------------------------------------------------------------
	{"en/multiquote/colon-intro", "en",
		"He said: “We have proof. We will publish it.” The DCK agreed.",
		[]string{
			"He said: “We have proof.",
			"We will publish it.”",
			"The DCK agreed.",
		}},
	{"en/multiquote/kozlov-paragraph", "en",
		"“Mukhtar Ablyazov is still not free in his statements,” DCK press secretary Vladimir Kozlov told IWPR. “We think that as the amnesty decision was being made, he was offered a number of conditions in exchange for his release. We have proof of this.”",
		[]string{
			"“Mukhtar Ablyazov is still not free in his statements,” DCK press secretary Vladimir Kozlov told IWPR.",
			"“We think that as the amnesty decision was being made, he was offered a number of conditions in exchange for his release.",
			"We have proof of this.”",
		}},
	{"en/multiquote/attribution-after", "en",
		"“There was no pressure, psychological or otherwise, put on me. We made an appeal for an amnesty, and it was satisfied. There were no contradictions or conditions here. Without seeking to dispute the court’s decision, we simply appealed for amnesty,” he told a press conference.",
		[]string{
			"“There was no pressure, psychological or otherwise, put on me.",
			"We made an appeal for an amnesty, and it was satisfied.",
			"There were no contradictions or conditions here.",
			"Without seeking to dispute the court’s decision, we simply appealed for amnesty,” he told a press conference.",
		}},
	{"en/multiquote/comma-intro", "en",
		"Taukina told IWPR, “As for the fact that Mukhtar has stopped his DCK activity, we have accepted this with goodwill. We are happy for him, as human beings.”",
		[]string{
			"Taukina told IWPR, “As for the fact that Mukhtar has stopped his DCK activity, we have accepted this with goodwill.",
			"We are happy for him, as human beings.”",
		}},
	{"en/multiquote/foundation-statement", "en",
		"The foundation issued a statement saying, “The decree’s contents show that it was a political decision, for which the necessary juridical form was found. This proves that the Ablyazov case was politically motivated from the very beginning.”",
		[]string{
			"The foundation issued a statement saying, “The decree’s contents show that it was a political decision, for which the necessary juridical form was found.",
			"This proves that the Ablyazov case was politically motivated from the very beginning.”",
		}},
	{"en/multiquote/question-inside", "en",
		"“Why now? Because the election is over,” said one analyst.",
		[]string{
			"“Why now?",
			"Because the election is over,” said one analyst.",
		}},
	{"en/multiquote/single-quotes", "en",
		"‘We are not afraid. We will go on,’ the statement said.",
		[]string{
			"‘We are not afraid.",
			"We will go on,’ the statement said.",
		}},
	{"en/multiquote/straight-quotes", "en",
		"\"The verdict is political. We will appeal,\" said his lawyer.",
		[]string{
			"\"The verdict is political.",
			"We will appeal,\" said his lawyer.",
		}},
	{"en/multiquote/exclamations", "en",
		"“Enough! We want fair elections!” the protesters chanted.",
		[]string{
			"“Enough!",
			"We want fair elections!” the protesters chanted.",
		}},
	{"en/multiquote/then-next-paragraph", "en",
		"“I am quite critical of the platforms which the DCK has now adopted. So I intend to return to business,” he said.\n\nThe DCK reacted calmly to Ablyazov’s critical remarks.",
		[]string{
			"“I am quite critical of the platforms which the DCK has now adopted.",
			"So I intend to return to business,” he said.",
			"The DCK reacted calmly to Ablyazov’s critical remarks.",
		}},

	// ---------------------------------------------------------------
	// English: question and exclamation marks, inside quotes and out
	// ---------------------------------------------------------------
	{"en/punct/question-in-quote-then-lowercase", "en",
		"“Are you free?” he asked.",
		[]string{
			"“Are you free?” he asked.",
		}},
	{"en/punct/exclamation-in-quote-then-lowercase", "en",
		"“Shame!” shouted the crowd outside the court.",
		[]string{
			"“Shame!” shouted the crowd outside the court.",
		}},
	{"en/punct/exclamation-in-quote-then-sentence", "en",
		"“Shame!” Protesters outside the court chanted for an hour.",
		[]string{
			"“Shame!”",
			"Protesters outside the court chanted for an hour.",
		}},
	{"en/punct/question-after-closing-quote", "en",
		"Did he say “amnesty”? The lawyer denied it.",
		[]string{
			"Did he say “amnesty”?",
			"The lawyer denied it.",
		}},
	{"en/punct/exclamation-in-quoted-slogan", "en",
		"The banners read “Free Ablyazov!” in large red letters.",
		[]string{
			"The banners read “Free Ablyazov!” in large red letters.",
		}},
	{"en/punct/question-in-quote-then-and", "en",
		"He asked, “Why now?” and left the room.",
		[]string{
			"He asked, “Why now?” and left the room.",
		}},
	{"en/punct/question-in-quote-then-sentence", "en",
		"“What happens next?” That is the question everyone in Astana is asking.",
		[]string{
			"“What happens next?”",
			"That is the question everyone in Astana is asking.",
		}},
	{"en/punct/interrobang-in-quote-then-lowercase", "en",
		"“Is this justice?!” she asked reporters.",
		[]string{
			"“Is this justice?!” she asked reporters.",
		}},
	{"en/punct/question-then-lowercase-verb", "en",
		"Amnesty or pardon? asks the newspaper in its headline.",
		[]string{
			"Amnesty or pardon? asks the newspaper in its headline.",
		}},
	{"en/punct/double-exclamation", "en",
		"Free at last!! Ablyazov walked out of the prison gates shortly after noon.",
		[]string{
			"Free at last!!",
			"Ablyazov walked out of the prison gates shortly after noon.",
		}},
	{"en/punct/question-exclamation", "en",
		"Is this the end of the DCK?! Its leaders insist it is not.",
		[]string{
			"Is this the end of the DCK?!",
			"Its leaders insist it is not.",
		}},

	// ---------------------------------------------------------------
	// English: URLs, e-mail addresses and domain names
	// ---------------------------------------------------------------
	{"en/urls/domain-ends-sentence", "en",
		"For more information visit IWPR.net. The site is updated daily.",
		[]string{
			"For more information visit IWPR.net.",
			"The site is updated daily.",
		}},
	{"en/urls/path", "en",
		"The full text is posted at www.iwpr.net/ru/news.html in Russian.",
		[]string{
			"The full text is posted at www.iwpr.net/ru/news.html in Russian.",
		}},
	{"en/urls/email-ends-sentence", "en",
		"Send comments to press@iwpr.net. We read every message.",
		[]string{
			"Send comments to press@iwpr.net.",
			"We read every message.",
		}},
	{"en/urls/email-mid-sentence", "en",
		"Contact press@iwpr.net for details of the report.",
		[]string{
			"Contact press@iwpr.net for details of the report.",
		}},
	{"en/urls/query-string", "en",
		"The decree was published at http://www.akorda.kz/en/decrees?id=13&lang=en on Tuesday.",
		[]string{
			"The decree was published at http://www.akorda.kz/en/decrees?id=13&lang=en on Tuesday.",
		}},
	{"en/urls/https-ends-text", "en",
		"The report is available at https://www.osce.org/odihr/elections/kazakhstan.",
		[]string{
			"The report is available at https://www.osce.org/odihr/elections/kazakhstan.",
		}},
	{"en/urls/domain-as-subject", "en",
		"Kazinform.kz reported the arrest on Friday.",
		[]string{
			"Kazinform.kz reported the arrest on Friday.",
		}},
	{"en/urls/www-ends-sentence", "en",
		"Read the report at www.osce.org. It runs to 40 pages.",
		[]string{
			"Read the report at www.osce.org.",
			"It runs to 40 pages.",
		}},
	{"en/urls/email-in-brackets", "en",
		"Readers can write to the editor (editor@iwpr.net). Letters may be edited.",
		[]string{
			"Readers can write to the editor (editor@iwpr.net).",
			"Letters may be edited.",
		}},

	// ---------------------------------------------------------------
	// English: golden-rule classics
	// ---------------------------------------------------------------
	{"en/golden/hello-double-exclamation", "en",
		"Hello!! Long time no see.",
		[]string{
			"Hello!!",
			"Long time no see.",
		}},
	{"en/golden/yahoo-then-lowercase", "en",
		"She works at Yahoo! in the accounting department.",
		[]string{
			"She works at Yahoo! in the accounting department.",
		}},
	{"en/golden/jr-possessive", "en",
		"That is JFK Jr.'s book.",
		[]string{
			"That is JFK Jr.'s book.",
		}},
	{"en/golden/usa-then-lowercase", "en",
		"I visited the U.S.A. last year.",
		[]string{
			"I visited the U.S.A. last year.",
		}},
	{"en/golden/money-ends-sentence", "en",
		"She has $100.00. It is in her bag.",
		[]string{
			"She has $100.00.",
			"It is in her bag.",
		}},
	{"en/golden/money-mid-sentence", "en",
		"She has $100.00 in her bag.",
		[]string{
			"She has $100.00 in her bag.",
		}},
	{"en/golden/double-question", "en",
		"Hello?? Who is there?",
		[]string{
			"Hello??",
			"Who is there?",
		}},
	{"en/golden/exclamation-question", "en",
		"Hello!? Is that you?",
		[]string{
			"Hello!?",
			"Is that you?",
		}},
	{"en/golden/initial-in-name", "en",
		"My name is Jonas E. Smith.",
		[]string{
			"My name is Jonas E. Smith.",
		}},
	{"en/golden/page-number", "en",
		"Please turn to p. 55.",
		[]string{
			"Please turn to p. 55.",
		}},
	{"en/golden/lowercase-co-mid-sentence", "en",
		"Were Jane and co. at the party?",
		[]string{
			"Were Jane and co. at the party?",
		}},
	{"en/golden/lowercase-co-ends-sentence", "en",
		"Let's ask Jane and co. They should know.",
		[]string{
			"Let's ask Jane and co.",
			"They should know.",
		}},
	{"en/golden/mt-prepositive", "en",
		"I can see Mt. Fuji from here.",
		[]string{
			"I can see Mt. Fuji from here.",
		}},
	{"en/golden/eu-how-about-you", "en",
		"I live in the E.U. How about you?",
		[]string{
			"I live in the E.U.",
			"How about you?",
		}},
	{"en/golden/st-prepositive-and-postpositive", "en",
		"St. Michael's Church is on 5th st. near the light.",
		[]string{
			"St. Michael's Church is on 5th st. near the light.",
		}},
	{"en/golden/you-and-i", "en",
		"We make a good team, you and I. Did you see Albert I. Jones yesterday?",
		[]string{
			"We make a good team, you and I.",
			"Did you see Albert I. Jones yesterday?",
		}},
	{"en/golden/parenthetical-inside-sentence", "en",
		"He teaches science (He previously worked for 5 years as an engineer.) at the local University.",
		[]string{
			"He teaches science (He previously worked for 5 years as an engineer.) at the local University.",
		}},
	{"en/golden/quote-then-lowercase", "en",
		"She turned to him, \"This is great.\" she said.",
		[]string{
			"She turned to him, \"This is great.\" she said.",
		}},
	{"en/golden/four-dot-ellipsis", "en",
		"I never meant that.... She left the store.",
		[]string{
			"I never meant that....",
			"She left the store.",
		}},
	{"en/golden/spaced-ellipsis-sentences", "en",
		"One further habit which was somewhat weakened . . . was that of combining words into self-interpreting compounds. . . . The practice was not abandoned. . . .",
		[]string{
			"One further habit which was somewhat weakened . . . was that of combining words into self-interpreting compounds. . . .",
			"The practice was not abandoned. . . .",
		}},
	{"en/golden/spaced-ellipsis-in-quote", "en",
		"Thoreau argues that by simplifying one’s life, “the laws of the universe will appear less complex. . . .”",
		[]string{
			"Thoreau argues that by simplifying one’s life, “the laws of the universe will appear less complex. . . .”",
		}},
	{"en/golden/period-then-spaced-ellipsis", "en",
		"If words are left off at the end of a sentence, and that is all that is omitted, indicate the omission with ellipsis marks (preceded and followed by a space) and then indicate the end of the sentence with a period . . . . Next sentence.",
		[]string{
			"If words are left off at the end of a sentence, and that is all that is omitted, indicate the omission with ellipsis marks (preceded and followed by a space) and then indicate the end of the sentence with a period . . . .",
			"Next sentence.",
		}},
	{"en/golden/errant-newline", "en",
		"This is a sentence\ncut off in the middle because pdf.",
		[]string{
			"This is a sentence\ncut off in the middle because pdf.",
		}},

	// ---------------------------------------------------------------
	// English: hard cases where naive rules fail
	// ---------------------------------------------------------------
	{"en/hard/lowercase-no-ends-sentence", "en",
		"Asked whether he would run for parliament again, he said no. The DCK declined to comment.",
		[]string{
			"Asked whether he would run for parliament again, he said no.",
			"The DCK declined to comment.",
		}},
	{"en/hard/no-abbreviation-vs-no-word", "en",
		"Resolution No. 5 was passed. No objections were raised.",
		[]string{
			"Resolution No. 5 was passed.",
			"No objections were raised.",
		}},
	{"en/hard/yahoo-then-capital", "en",
		"Yahoo! News carried the story on Tuesday.",
		[]string{
			"Yahoo! News carried the story on Tuesday.",
		}},
	{"en/hard/sentence-starts-with-st", "en",
		"The summit was held in Moscow. St. Petersburg will host the next one.",
		[]string{
			"The summit was held in Moscow.",
			"St. Petersburg will host the next one.",
		}},
	{"en/hard/sentence-starts-with-country-abbreviation", "en",
		"U.S. officials declined to comment. U.K. diplomats were more forthcoming.",
		[]string{
			"U.S. officials declined to comment.",
			"U.K. diplomats were more forthcoming.",
		}},
	{"en/hard/abbreviation-in-brackets-then-sentence", "en",
		"He was jailed in 2002 (Art. 307). He was freed in 2003.",
		[]string{
			"He was jailed in 2002 (Art. 307).",
			"He was freed in 2003.",
		}},
	{"en/hard/abbreviation-at-end-of-quote", "en",
		"“We met U.S. officials.” The talks lasted two hours.",
		[]string{
			"“We met U.S. officials.”",
			"The talks lasted two hours.",
		}},
	{"en/hard/us-then-year-and-uk-then-lowercase", "en",
		"He moved to the U.S. in 2001. He now lives in the U.K. with his family.",
		[]string{
			"He moved to the U.S. in 2001.",
			"He now lives in the U.K. with his family.",
		}},
	{"en/hard/stacked-abbreviations", "en",
		"Mr. A. Iskakov, a presidential spokesman, said on Jan. 5 that approx. 300 prisoners, i.e. one in ten, would be freed by 6 p.m. Tuesday.",
		[]string{
			"Mr. A. Iskakov, a presidential spokesman, said on Jan. 5 that approx. 300 prisoners, i.e. one in ten, would be freed by 6 p.m. Tuesday.",
		}},
	{"en/hard/pm-then-sentence-with-sept", "en",
		"The court sat until 6 p.m. The next hearing is on Sept. 12.",
		[]string{
			"The court sat until 6 p.m.",
			"The next hearing is on Sept. 12.",
		}},
	{"en/hard/etc-then-quote", "en",
		"The statement was signed by the DCK, the Azamat party, the Communists, etc. “We will not give up,” it said.",
		[]string{
			"The statement was signed by the DCK, the Azamat party, the Communists, etc.",
			"“We will not give up,” it said.",
		}},
	{"en/hard/sentence-starts-with-title", "en",
		"Dr. Ivanov examined him. Dr. Petrova disagreed with his findings.",
		[]string{
			"Dr. Ivanov examined him.",
			"Dr. Petrova disagreed with his findings.",
		}},

	// ---------------------------------------------------------------
	// Russian: plain sentences
	// ---------------------------------------------------------------
	{"ru/baseline/two-sentences", "ru",
		"Мухтар Аблязов вышел на свободу. Его освободили по амнистии.",
		[]string{
			"Мухтар Аблязов вышел на свободу.",
			"Его освободили по амнистии.",
		}},
	{"ru/baseline/question", "ru",
		"Почему Назарбаев решил освободить Аблязова? Ответа на этот вопрос пока нет.",
		[]string{
			"Почему Назарбаев решил освободить Аблязова?",
			"Ответа на этот вопрос пока нет.",
		}},
	{"ru/baseline/exclamation", "ru",
		"Это победа! Так считают правозащитники.",
		[]string{
			"Это победа!",
			"Так считают правозащитники.",
		}},
	{"ru/baseline/semicolon-no-break", "ru",
		"Аблязов был осужден в 2002 году; в заключении он провел почти два года.",
		[]string{
			"Аблязов был осужден в 2002 году; в заключении он провел почти два года.",
		}},
	{"ru/baseline/colon-no-break", "ru",
		"Оппозиция выдвинула три требования: освободить политзаключенных, провести свободные выборы и обеспечить независимость судов.",
		[]string{
			"Оппозиция выдвинула три требования: освободить политзаключенных, провести свободные выборы и обеспечить независимость судов.",
		}},
	{"ru/baseline/three-sentences", "ru",
		"Бывший министр энергетики, индустрии и торговли отбывал шестилетний срок. Его признали виновным в незаконном предпринимательстве и злоупотреблении служебным положением. Ущерб государству превысил три миллиона долларов.",
		[]string{
			"Бывший министр энергетики, индустрии и торговли отбывал шестилетний срок.",
			"Его признали виновным в незаконном предпринимательстве и злоупотреблении служебным положением.",
			"Ущерб государству превысил три миллиона долларов.",
		}},
	{"ru/baseline/dash-no-break", "ru",
		"Сам Аблязов отрицает какое-либо давление — однако от политики он отошел сразу после освобождения.",
		[]string{
			"Сам Аблязов отрицает какое-либо давление — однако от политики он отошел сразу после освобождения.",
		}},
	{"ru/baseline/region-tag", "ru-RU",
		"Суд отклонил апелляцию. Адвокаты намерены обратиться в Комитет ООН по правам человека.",
		[]string{
			"Суд отклонил апелляцию.",
			"Адвокаты намерены обратиться в Комитет ООН по правам человека.",
		}},
	{"ru/baseline/yo-letter", "ru",
		"Жакиянов всё ещё в заключении. Его адвокат объяснила, почему он не подаёт прошение.",
		[]string{
			"Жакиянов всё ещё в заключении.",
			"Его адвокат объяснила, почему он не подаёт прошение.",
		}},

	// ---------------------------------------------------------------
	// Russian: abbreviations
	// ---------------------------------------------------------------
	{"ru/abbr/te", "ru",
		"Аблязов был освобожден по амнистии, т.е. он не был помилован.",
		[]string{
			"Аблязов был освобожден по амнистии, т.е. он не был помилован.",
		}},
	{"ru/abbr/te-spaced", "ru",
		"Речь идет о политическом решении, т. е. о сделке с властью.",
		[]string{
			"Речь идет о политическом решении, т. е. о сделке с властью.",
		}},
	{"ru/abbr/tk", "ru",
		"Жакиянов не будет просить об амнистии, т.к. считает приговор незаконным.",
		[]string{
			"Жакиянов не будет просить об амнистии, т.к. считает приговор незаконным.",
		}},
	{"ru/abbr/tn-before-guillemet", "ru",
		"Аблязов раскритиковал т.н. «конструктивную оппозицию».",
		[]string{
			"Аблязов раскритиковал т.н. «конструктивную оппозицию».",
		}},
	{"ru/abbr/itd-mid-sentence", "ru",
		"Проверки прошли в банках, пенсионных фондах и т.д., однако нарушений не выявлено.",
		[]string{
			"Проверки прошли в банках, пенсионных фондах и т.д., однако нарушений не выявлено.",
		}},
	{"ru/abbr/itd-ends-sentence", "ru",
		"Под проверку попали банки, пенсионные фонды, страховые компании и т.д. Результаты будут опубликованы в июне.",
		[]string{
			"Под проверку попали банки, пенсионные фонды, страховые компании и т.д.",
			"Результаты будут опубликованы в июне.",
		}},
	{"ru/abbr/itp-ends-sentence", "ru",
		"Активистов обвиняли в хулиганстве, участии в несанкционированных митингах и т.п. Правозащитники считают эти обвинения надуманными.",
		[]string{
			"Активистов обвиняли в хулиганстве, участии в несанкционированных митингах и т.п.",
			"Правозащитники считают эти обвинения надуманными.",
		}},
	{"ru/abbr/itp-mid-sentence", "ru",
		"Газеты, журналы и т.п. издания обязаны пройти перерегистрацию.",
		[]string{
			"Газеты, журналы и т.п. издания обязаны пройти перерегистрацию.",
		}},
	{"ru/abbr/idr-ends-sentence", "ru",
		"В акции приняли участие представители ДВК, партии «Азамат», КПК и др. Полиция не вмешивалась.",
		[]string{
			"В акции приняли участие представители ДВК, партии «Азамат», КПК и др.",
			"Полиция не вмешивалась.",
		}},
	{"ru/abbr/idr-mid-sentence", "ru",
		"Жакиянов, Аблязов и др. лидеры оппозиции подписали обращение к президенту.",
		[]string{
			"Жакиянов, Аблязов и др. лидеры оппозиции подписали обращение к президенту.",
		}},
	{"ru/abbr/god-then-lowercase", "ru",
		"Аблязов был осужден в 2002 г. за злоупотребление служебным положением.",
		[]string{
			"Аблязов был осужден в 2002 г. за злоупотребление служебным положением.",
		}},
	{"ru/abbr/god-then-lowercase-pronoun", "ru",
		"Как сообщалось, в 2002 г. он был приговорен к шести годам лишения свободы.",
		[]string{
			"Как сообщалось, в 2002 г. он был приговорен к шести годам лишения свободы.",
		}},
	{"ru/abbr/god-year-end", "ru",
		"Аблязов был осужден в 2002 г. Он провел в заключении почти два года.",
		[]string{
			"Аблязов был осужден в 2002 г.",
			"Он провел в заключении почти два года.",
		}},
	{"ru/abbr/god-year-end-its", "ru",
		"Движение было создано в ноябре 2001 г. Его лидерами стали Аблязов и Жакиянов.",
		[]string{
			"Движение было создано в ноябре 2001 г.",
			"Его лидерами стали Аблязов и Жакиянов.",
		}},
	{"ru/abbr/god-sentence-initial-then-capital", "ru",
		"В 2002 г. Верховный суд приговорил его к шести годам лишения свободы.",
		[]string{
			"В 2002 г. Верховный суд приговорил его к шести годам лишения свободы.",
		}},
	{"ru/abbr/gorod", "ru",
		"Пресс-конференция прошла в г. Алматы в понедельник.",
		[]string{
			"Пресс-конференция прошла в г. Алматы в понедельник.",
		}},
	{"ru/abbr/gorod-ends-text", "ru",
		"Он намерен вернуться в свою компанию в г. Астане.",
		[]string{
			"Он намерен вернуться в свою компанию в г. Астане.",
		}},
	{"ru/abbr/gg-sentence-initial-then-capital", "ru",
		"В 1998–2001 гг. Аблязов занимал несколько министерских постов.",
		[]string{
			"В 1998–2001 гг. Аблязов занимал несколько министерских постов.",
		}},
	{"ru/abbr/gg-ends-sentence", "ru",
		"Аблязов занимал министерские посты в 1998–2001 гг. Затем он перешел в оппозицию.",
		[]string{
			"Аблязов занимал министерские посты в 1998–2001 гг.",
			"Затем он перешел в оппозицию.",
		}},
	{"ru/abbr/gg-decade", "ru",
		"В 1990-х гг. страна пережила глубокий экономический кризис.",
		[]string{
			"В 1990-х гг. страна пережила глубокий экономический кризис.",
		}},
	{"ru/abbr/ul", "ru",
		"Офис ДВК находится на ул. Абая в центре Алматы.",
		[]string{
			"Офис ДВК находится на ул. Абая в центре Алматы.",
		}},
	{"ru/abbr/im-lowercase-name", "ru",
		"Конференция прошла в КазНУ им. аль-Фараби.",
		[]string{
			"Конференция прошла в КазНУ им. аль-Фараби.",
		}},
	{"ru/abbr/im-capital-name", "ru",
		"Концерт прошел в Театре оперы и балета им. Абая.",
		[]string{
			"Концерт прошел в Театре оперы и балета им. Абая.",
		}},
	{"ru/abbr/tys-money", "ru",
		"Штраф составил 200 тыс. тенге.",
		[]string{
			"Штраф составил 200 тыс. тенге.",
		}},
	{"ru/abbr/tys-people", "ru",
		"В акции протеста приняли участие более 5 тыс. человек.",
		[]string{
			"В акции протеста приняли участие более 5 тыс. человек.",
		}},
	{"ru/abbr/mln-without-period", "ru",
		"Ущерб государству оценивается в 3 млн долларов. Аблязов свою вину не признал.",
		[]string{
			"Ущерб государству оценивается в 3 млн долларов.",
			"Аблязов свою вину не признал.",
		}},
	{"ru/abbr/mlrd-with-period", "ru",
		"Дефицит бюджета составит 1,5 млрд. долларов.",
		[]string{
			"Дефицит бюджета составит 1,5 млрд. долларов.",
		}},
	{"ru/abbr/rub", "ru",
		"В Москве газета продавалась по 15 руб. за экземпляр.",
		[]string{
			"В Москве газета продавалась по 15 руб. за экземпляр.",
		}},
	{"ru/abbr/doll-ssha-ends-text", "ru",
		"По данным следствия, ущерб составил более 3 млн долл. США.",
		[]string{
			"По данным следствия, ущерб составил более 3 млн долл. США.",
		}},
	{"ru/abbr/doll-ssha-mid-sentence", "ru",
		"Ущерб в размере 3 млн долл. США был полностью возмещен.",
		[]string{
			"Ущерб в размере 3 млн долл. США был полностью возмещен.",
		}},
	{"ru/abbr/doll-ends-sentence", "ru",
		"Ущерб составил 3 млн долл. Суд признал эту сумму доказанной.",
		[]string{
			"Ущерб составил 3 млн долл.",
			"Суд признал эту сумму доказанной.",
		}},
	{"ru/abbr/st-uk", "ru",
		"Он был осужден по ст. 307 УК РК.",
		[]string{
			"Он был осужден по ст. 307 УК РК.",
		}},
	{"ru/abbr/ch-st", "ru",
		"Дело возбуждено по ч. 3 ст. 176 УК. Следствие продлится два месяца.",
		[]string{
			"Дело возбуждено по ч. 3 ст. 176 УК.",
			"Следствие продлится два месяца.",
		}},
	{"ru/abbr/sm-str", "ru",
		"Подробнее о деле Дуванова см. на стр. 5.",
		[]string{
			"Подробнее о деле Дуванова см. на стр. 5.",
		}},
	{"ru/abbr/sm-in-brackets", "ru",
		"Президент имеет право на помилование (см. ст. 44 Конституции).",
		[]string{
			"Президент имеет право на помилование (см. ст. 44 Конституции).",
		}},
	{"ru/abbr/str-in-brackets", "ru",
		"Текст указа опубликован в «Казахстанской правде» (стр. 3).",
		[]string{
			"Текст указа опубликован в «Казахстанской правде» (стр. 3).",
		}},
	{"ru/abbr/prof", "ru",
		"Директор института проф. Б. Нурмухамедов считает, что это может быть сигналом перемен.",
		[]string{
			"Директор института проф. Б. Нурмухамедов считает, что это может быть сигналом перемен.",
		}},
	{"ru/abbr/akad", "ru",
		"С докладом выступил акад. Жумабек Ахметов.",
		[]string{
			"С докладом выступил акад. Жумабек Ахметов.",
		}},
	{"ru/abbr/obl-then-name", "ru",
		"Бывший аким Павлодарской обл. Галымжан Жакиянов приговорен к семи годам.",
		[]string{
			"Бывший аким Павлодарской обл. Галымжан Жакиянов приговорен к семи годам.",
		}},
	{"ru/abbr/v-tch", "ru",
		"Задержаны 40 человек, в т.ч. 12 журналистов.",
		[]string{
			"Задержаны 40 человек, в т.ч. 12 журналистов.",
		}},

	// ---------------------------------------------------------------
	// Russian: initials
	// ---------------------------------------------------------------
	{"ru/initials/single", "ru",
		"Н. Назарбаев подписал указ об амнистии.",
		[]string{
			"Н. Назарбаев подписал указ об амнистии.",
		}},
	{"ru/initials/two-spaced", "ru",
		"Президент Н. А. Назарбаев подписал указ 13 мая.",
		[]string{
			"Президент Н. А. Назарбаев подписал указ 13 мая.",
		}},
	{"ru/initials/two-unspaced", "ru",
		"Указ подписал Н.А. Назарбаев.",
		[]string{
			"Указ подписал Н.А. Назарбаев.",
		}},
	{"ru/initials/after-surname", "ru",
		"Назарбаев Н.А. подписал указ об амнистии.",
		[]string{
			"Назарбаев Н.А. подписал указ об амнистии.",
		}},
	{"ru/initials/several-names", "ru",
		"Обращение подписали М. Аблязов, Г. Жакиянов и Р. Таукина.",
		[]string{
			"Обращение подписали М. Аблязов, Г. Жакиянов и Р. Таукина.",
		}},
	{"ru/initials/starts-sentence", "ru",
		"Суд отклонил жалобу. С. Дуванов остается в заключении.",
		[]string{
			"Суд отклонил жалобу.",
			"С. Дуванов остается в заключении.",
		}},
	{"ru/initials/two-leaders", "ru",
		"В.В. Путин и Н.А. Назарбаев обсудили вопросы безопасности.",
		[]string{
			"В.В. Путин и Н.А. Назарбаев обсудили вопросы безопасности.",
		}},
	{"ru/initials/line-wrap", "ru",
		"Указ подписал Президент Республики Казахстан Н. А.\nНазарбаев.",
		[]string{
			"Указ подписал Президент Республики Казахстан Н. А.\nНазарбаев.",
		}},

	// ---------------------------------------------------------------
	// Russian: «ёлочки», „лапки“ and brackets
	// ---------------------------------------------------------------
	{"ru/quotes/period-after-guillemet", "ru",
		"Адвокат заявил: «Мы будем обжаловать приговор». Суд пока не назначил дату слушаний.",
		[]string{
			"Адвокат заявил: «Мы будем обжаловать приговор».",
			"Суд пока не назначил дату слушаний.",
		}},
	{"ru/quotes/multi-sentence-then-dash", "ru",
		"«Никакого давления на меня не оказывалось. Мы обратились с просьбой об амнистии, и она была удовлетворена», — сказал Аблязов.",
		[]string{
			"«Никакого давления на меня не оказывалось.",
			"Мы обратились с просьбой об амнистии, и она была удовлетворена», — сказал Аблязов.",
		}},
	{"ru/quotes/exclamation-then-dash", "ru",
		"«Это политическое решение!» — заявила Таукина.",
		[]string{
			"«Это политическое решение!» — заявила Таукина.",
		}},
	{"ru/quotes/question-then-dash", "ru",
		"«Кто ответит за эти два года?» — спросил журналист.",
		[]string{
			"«Кто ответит за эти два года?» — спросил журналист.",
		}},
	{"ru/quotes/nested-lapki", "ru",
		"«Он прямо сказал: „Я ухожу из политики“», — сообщил Козлов.",
		[]string{
			"«Он прямо сказал: „Я ухожу из политики“», — сообщил Козлов.",
		}},
	{"ru/quotes/nested-two-sentences", "ru",
		"Козлов заявил: «Мы называем это „сделкой“. Иначе объяснить решение нельзя».",
		[]string{
			"Козлов заявил: «Мы называем это „сделкой“.",
			"Иначе объяснить решение нельзя».",
		}},
	{"ru/quotes/question-then-capital", "ru",
		"Журналисты спросили: «Будет ли он участвовать в выборах?» Аблязов отказался отвечать.",
		[]string{
			"Журналисты спросили: «Будет ли он участвовать в выборах?»",
			"Аблязов отказался отвечать.",
		}},
	{"ru/quotes/exclamation-then-capital", "ru",
		"Толпа скандировала: «Свободу политзаключенным!» Полиция не вмешивалась.",
		[]string{
			"Толпа скандировала: «Свободу политзаключенным!»",
			"Полиция не вмешивалась.",
		}},
	{"ru/quotes/lapki-primary", "ru",
		"„Мы не согласны с решением суда“, — заявил адвокат.",
		[]string{
			"„Мы не согласны с решением суда“, — заявил адвокат.",
		}},
	{"ru/quotes/party-name-in-guillemets", "ru",
		"Лидеры «Ак жола» и ДВК провели встречу. Ее итоги не разглашаются.",
		[]string{
			"Лидеры «Ак жола» и ДВК провели встречу.",
			"Ее итоги не разглашаются.",
		}},
	{"ru/quotes/parenthetical-sentence", "ru",
		"ДВК объявил о своем решении в понедельник. (Сам Аблязов от комментариев отказался.) Правозащитники назвали решение поспешным.",
		[]string{
			"ДВК объявил о своем решении в понедельник.",
			"(Сам Аблязов от комментариев отказался.)",
			"Правозащитники назвали решение поспешным.",
		}},
	{"ru/quotes/multi-sentence-whole-quote", "ru",
		"«Мы продолжаем считать его лидером движения. ДВК полностью уважает его решение».",
		[]string{
			"«Мы продолжаем считать его лидером движения.",
			"ДВК полностью уважает его решение».",
		}},

	// ---------------------------------------------------------------
	// Russian: dialogue dashes
	// ---------------------------------------------------------------
	{"ru/dialogue/dash-comma-attribution", "ru",
		"— Мы не согласны, — сказал он.",
		[]string{
			"— Мы не согласны, — сказал он.",
		}},
	{"ru/dialogue/question-then-attribution", "ru",
		"— Вы будете обжаловать приговор? — спросил журналист.",
		[]string{
			"— Вы будете обжаловать приговор? — спросил журналист.",
		}},
	{"ru/dialogue/exclamation-then-attribution", "ru",
		"— Ни в коем случае! — ответил адвокат.",
		[]string{
			"— Ни в коем случае! — ответил адвокат.",
		}},
	{"ru/dialogue/interview-paragraphs", "ru",
		"— Вы вернетесь в политику?\n\n— Нет. Я намерен заниматься бизнесом.",
		[]string{
			"— Вы вернетесь в политику?",
			"— Нет.",
			"Я намерен заниматься бизнесом.",
		}},
	{"ru/dialogue/lines-without-blank-line", "ru",
		"— Вы согласны с приговором? — спросил судья.\n— Нет, — ответил Жакиянов.",
		[]string{
			"— Вы согласны с приговором? — спросил судья.",
			"— Нет, — ответил Жакиянов.",
		}},
	{"ru/dialogue/interview-labels", "ru",
		"Вопрос: Почему вы обратились с просьбой об амнистии?\n\nОтвет: Я хотел выйти на свободу. Других причин не было.",
		[]string{
			"Вопрос: Почему вы обратились с просьбой об амнистии?",
			"Ответ: Я хотел выйти на свободу.",
			"Других причин не было.",
		}},

	// ---------------------------------------------------------------
	// Russian: numbers and dates
	// ---------------------------------------------------------------
	{"ru/numbers/percent-ends-sentence", "ru",
		"Инфляция в апреле составила 6,8%. Нацбанк ожидает замедления роста цен.",
		[]string{
			"Инфляция в апреле составила 6,8%.",
			"Нацбанк ожидает замедления роста цен.",
		}},
	{"ru/numbers/decimal-comma", "ru",
		"ВВП вырос на 9,2 процента.",
		[]string{
			"ВВП вырос на 9,2 процента.",
		}},
	{"ru/numbers/decimal-point", "ru",
		"Курс доллара составил 150.25 тенге.",
		[]string{
			"Курс доллара составил 150.25 тенге.",
		}},
	{"ru/numbers/decimal-ends-sentence", "ru",
		"Курс тенге снизился до 150,3. Нацбанк провел интервенции.",
		[]string{
			"Курс тенге снизился до 150,3.",
			"Нацбанк провел интервенции.",
		}},
	{"ru/numbers/spaced-thousands", "ru",
		"Расходы бюджета составили 1 234,56 млрд тенге.",
		[]string{
			"Расходы бюджета составили 1 234,56 млрд тенге.",
		}},
	{"ru/numbers/percent-mid-sentence", "ru",
		"Он получил 91,15% голосов избирателей.",
		[]string{
			"Он получил 91,15% голосов избирателей.",
		}},
	{"ru/numbers/version", "ru",
		"На выборах использовалась система «Сайлау» версии 2.0.",
		[]string{
			"На выборах использовалась система «Сайлау» версии 2.0.",
		}},
	{"ru/dates/dotted-date-g-then-lowercase", "ru",
		"Указ подписан 13.05.2003 г. и вступает в силу со дня опубликования.",
		[]string{
			"Указ подписан 13.05.2003 г. и вступает в силу со дня опубликования.",
		}},
	{"ru/dates/dotted-date-g-ends-sentence", "ru",
		"Указ подписан 13.05.2003 г. Он вступает в силу со дня опубликования.",
		[]string{
			"Указ подписан 13.05.2003 г.",
			"Он вступает в силу со дня опубликования.",
		}},
	{"ru/dates/full-date-g-then-lowercase", "ru",
		"13 мая 2003 г. президент подписал указ об амнистии.",
		[]string{
			"13 мая 2003 г. президент подписал указ об амнистии.",
		}},
	{"ru/dates/may-13-ends-sentence", "ru",
		"Указ был подписан 13 мая. Аблязов вышел на свободу в тот же день.",
		[]string{
			"Указ был подписан 13 мая.",
			"Аблязов вышел на свободу в тот же день.",
		}},
	{"ru/dates/dotted-date", "ru",
		"Решение от 10.05.2004 вступило в силу.",
		[]string{
			"Решение от 10.05.2004 вступило в силу.",
		}},
	{"ru/dates/year-word-ends-sentence", "ru",
		"Движение было создано в 2001 году. Его лидерами стали Аблязов и Жакиянов.",
		[]string{
			"Движение было создано в 2001 году.",
			"Его лидерами стали Аблязов и Жакиянов.",
		}},

	// ---------------------------------------------------------------
	// Russian: ellipses and combined marks
	// ---------------------------------------------------------------
	{"ru/ellipsis/then-capital", "ru",
		"Он помолчал... Затем продолжил отвечать на вопросы.",
		[]string{
			"Он помолчал...",
			"Затем продолжил отвечать на вопросы.",
		}},
	{"ru/ellipsis/mid-sentence-lowercase", "ru",
		"Это было... скажем так, неожиданное решение.",
		[]string{
			"Это было... скажем так, неожиданное решение.",
		}},
	{"ru/ellipsis/final", "ru",
		"Аблязов на свободе, Жакиянов и Дуванов — нет…",
		[]string{
			"Аблязов на свободе, Жакиянов и Дуванов — нет…",
		}},
	{"ru/ellipsis/in-quote-then-dash", "ru",
		"«Посмотрим…» — сказал он.",
		[]string{
			"«Посмотрим…» — сказал он.",
		}},
	{"ru/ellipsis/question-dots", "ru",
		"Что будет дальше?.. Этого не знает никто.",
		[]string{
			"Что будет дальше?..",
			"Этого не знает никто.",
		}},
	{"ru/ellipsis/exclamation-dots", "ru",
		"Наконец-то!.. Родственники ждали этого два года.",
		[]string{
			"Наконец-то!..",
			"Родственники ждали этого два года.",
		}},
	{"ru/ellipsis/unicode-then-capital", "ru",
		"Решение принято… Теперь слово за судом.",
		[]string{
			"Решение принято…",
			"Теперь слово за судом.",
		}},
	{"ru/punct/question-exclamation", "ru",
		"Как такое возможно?! Суд проигнорировал все доводы защиты.",
		[]string{
			"Как такое возможно?!",
			"Суд проигнорировал все доводы защиты.",
		}},
	{"ru/punct/triple-exclamation", "ru",
		"Свободу Дуванову!!! Такие плакаты держали участники пикета.",
		[]string{
			"Свободу Дуванову!!!",
			"Такие плакаты держали участники пикета.",
		}},

	// ---------------------------------------------------------------
	// Russian: lists, paragraphs, URLs
	// ---------------------------------------------------------------
	{"ru/lists/paren-numbers", "ru",
		"Оппозиция требует:\n1) освободить политзаключенных;\n2) провести свободные выборы;\n3) обеспечить свободу слова.",
		[]string{
			"Оппозиция требует:",
			"1) освободить политзаключенных;",
			"2) провести свободные выборы;",
			"3) обеспечить свободу слова.",
		}},
	{"ru/lists/bullets", "ru",
		"Правозащитники выразили озабоченность:\n• условиями освобождения;\n• судьбой Жакиянова и Дуванова.",
		[]string{
			"Правозащитники выразили озабоченность:",
			"• условиями освобождения;",
			"• судьбой Жакиянова и Дуванова.",
		}},
	{"ru/lists/numbered-decree-items", "ru",
		"1. Освободить от дальнейшего отбывания наказания Аблязова М.К.\n2. Настоящий указ вводится в действие со дня подписания.",
		[]string{
			"1. Освободить от дальнейшего отбывания наказания Аблязова М.К.",
			"2. Настоящий указ вводится в действие со дня подписания.",
		}},
	{"ru/lists/cyrillic-letter-markers", "ru",
		"Амнистия не распространяется на лиц:\nа) осужденных за особо тяжкие преступления;\nб) ранее освобождавшихся по амнистии.",
		[]string{
			"Амнистия не распространяется на лиц:",
			"а) осужденных за особо тяжкие преступления;",
			"б) ранее освобождавшихся по амнистии.",
		}},
	{"ru/lists/hyphen-bullets", "ru",
		"Основные требования:\n- освобождение политзаключенных;\n- свободные выборы.",
		[]string{
			"Основные требования:",
			"- освобождение политзаключенных;",
			"- свободные выборы.",
		}},
	{"ru/para/heading-then-paragraph", "ru",
		"Аблязов отрицает условия амнистии\n\nОдин из лидеров оппозиции Казахстана Мухтар Аблязов вышел на свободу.",
		[]string{
			"Аблязов отрицает условия амнистии",
			"Один из лидеров оппозиции Казахстана Мухтар Аблязов вышел на свободу.",
		}},
	{"ru/para/hard-wrap", "ru",
		"Бывший министр энергетики, индустрии и торговли отбывал\nшестилетний срок, назначенный Верховным судом в июле 2002 года.",
		[]string{
			"Бывший министр энергетики, индустрии и торговли отбывал\nшестилетний срок, назначенный Верховным судом в июле 2002 года.",
		}},
	{"ru/para/hard-wrap-after-g", "ru",
		"Пресс-конференция прошла в г.\nАлматы в понедельник.",
		[]string{
			"Пресс-конференция прошла в г.\nАлматы в понедельник.",
		}},
	{"ru/para/two-paragraphs", "ru",
		"Аблязов вышел на свободу.\n\nЖакиянов остается в заключении.",
		[]string{
			"Аблязов вышел на свободу.",
			"Жакиянов остается в заключении.",
		}},
	{"ru/urls/domain-ends-sentence", "ru",
		"Полный текст указа опубликован на сайте www.akorda.kz. Комментариев в администрации президента не дали.",
		[]string{
			"Полный текст указа опубликован на сайте www.akorda.kz.",
			"Комментариев в администрации президента не дали.",
		}},
	{"ru/urls/email-ends-text", "ru",
		"Пишите нам: press@iwpr.net.",
		[]string{
			"Пишите нам: press@iwpr.net.",
		}},
	{"ru/urls/path-mid-sentence", "ru",
		"Документ размещен по адресу http://www.zakon.kz/ru/docs/123.html и доступен всем.",
		[]string{
			"Документ размещен по адресу http://www.zakon.kz/ru/docs/123.html и доступен всем.",
		}},
	{"ru/urls/domain-mid-sentence", "ru",
		"Сайт Kazinform.kz сообщил об освобождении Аблязова.",
		[]string{
			"Сайт Kazinform.kz сообщил об освобождении Аблязова.",
		}},

	// ---------------------------------------------------------------
	// Kazakh: plain sentences
	// ---------------------------------------------------------------
	{"kk/baseline/two-sentences", "kk",
		"Мұхтар Аблязов түрмеден босатылды. Ол рақымшылық бойынша бостандыққа шықты.",
		[]string{
			"Мұхтар Аблязов түрмеден босатылды.",
			"Ол рақымшылық бойынша бостандыққа шықты.",
		}},
	{"kk/baseline/question", "kk",
		"Президент неге мұндай шешім қабылдады? Бұл сұраққа әлі жауап жоқ.",
		[]string{
			"Президент неге мұндай шешім қабылдады?",
			"Бұл сұраққа әлі жауап жоқ.",
		}},
	{"kk/baseline/question-particle", "kk",
		"Аблязов саясатқа орала ма? Әзірге бұл белгісіз.",
		[]string{
			"Аблязов саясатқа орала ма?",
			"Әзірге бұл белгісіз.",
		}},
	{"kk/baseline/exclamation", "kk",
		"Бұл – үлкен жеңіс! Құқық қорғаушылар осылай санайды.",
		[]string{
			"Бұл – үлкен жеңіс!",
			"Құқық қорғаушылар осылай санайды.",
		}},
	{"kk/baseline/semicolon-no-break", "kk",
		"Аблязов 2002 жылы сотталды; ол түрмеде екі жылға жуық отырды.",
		[]string{
			"Аблязов 2002 жылы сотталды; ол түрмеде екі жылға жуық отырды.",
		}},
	{"kk/baseline/colon-no-break", "kk",
		"Оппозиция үш талап қойды: саяси тұтқындарды босату, әділ сайлау өткізу және соттың тәуелсіздігін қамтамасыз ету.",
		[]string{
			"Оппозиция үш талап қойды: саяси тұтқындарды босату, әділ сайлау өткізу және соттың тәуелсіздігін қамтамасыз ету.",
		}},
	{"kk/baseline/un-with-suffix", "kk",
		"Жоғарғы сот шағымды қанағаттандырмады. Адвокаттар БҰҰ-ның Адам құқықтары жөніндегі комитетіне жүгінбек.",
		[]string{
			"Жоғарғы сот шағымды қанағаттандырмады.",
			"Адвокаттар БҰҰ-ның Адам құқықтары жөніндегі комитетіне жүгінбек.",
		}},
	{"kk/baseline/kr-without-period", "kk",
		"ҚР Жоғарғы соты үкімді өзгеріссіз қалдырды.",
		[]string{
			"ҚР Жоғарғы соты үкімді өзгеріссіз қалдырды.",
		}},
	{"kk/baseline/clock-time", "kk",
		"Сайлау учаскелері сағат 20:00-де жабылды. Дауыс санау түні бойы жалғасты.",
		[]string{
			"Сайлау учаскелері сағат 20:00-де жабылды.",
			"Дауыс санау түні бойы жалғасты.",
		}},
	{"kk/baseline/script-region-tag", "kk-Cyrl-KZ",
		"Ғалымжан Жақиянов әлі түрмеде. Ол рақымшылық сұрамайтынын мәлімдеді.",
		[]string{
			"Ғалымжан Жақиянов әлі түрмеде.",
			"Ол рақымшылық сұрамайтынын мәлімдеді.",
		}},

	// ---------------------------------------------------------------
	// Kazakh: abbreviations
	// ---------------------------------------------------------------
	{"kk/abbr/zh-then-month", "kk",
		"Аблязов 2002 ж. шілдеде сотталды.",
		[]string{
			"Аблязов 2002 ж. шілдеде сотталды.",
		}},
	{"kk/abbr/zh-then-month-november", "kk",
		"Аблязов 2001 ж. қарашада министр қызметінен босатылды.",
		[]string{
			"Аблязов 2001 ж. қарашада министр қызметінен босатылды.",
		}},
	{"kk/abbr/zh-then-name", "kk",
		"Қозғалысты 2001 ж. Аблязов пен Жақиянов құрды.",
		[]string{
			"Қозғалысты 2001 ж. Аблязов пен Жақиянов құрды.",
		}},
	{"kk/abbr/zh-in-brackets", "kk",
		"Астана (1998 ж. дейін – Ақмола) 1997 жылдан бері ел астанасы.",
		[]string{
			"Астана (1998 ж. дейін – Ақмола) 1997 жылдан бері ел астанасы.",
		}},
	{"kk/abbr/zhzh-then-name", "kk",
		"1998–2001 жж. Аблязов үкіметте бірнеше лауазым атқарды.",
		[]string{
			"1998–2001 жж. Аблязов үкіметте бірнеше лауазым атқарды.",
		}},
	{"kk/abbr/zhzh-then-lowercase", "kk",
		"1992–1995 жж. елде ауыр экономикалық дағдарыс болды.",
		[]string{
			"1992–1995 жж. елде ауыр экономикалық дағдарыс болды.",
		}},
	{"kk/abbr/tb-mid-sentence", "kk",
		"Банктер, зейнетақы қорлары т.б. қаржы ұйымдары тексерілді.",
		[]string{
			"Банктер, зейнетақы қорлары т.б. қаржы ұйымдары тексерілді.",
		}},
	{"kk/abbr/tb-ends-sentence", "kk",
		"Тексеру нысандары – банктер, зейнетақы қорлары, сақтандыру компаниялары т.б. Тексеру қорытындысы маусымда жарияланады.",
		[]string{
			"Тексеру нысандары – банктер, зейнетақы қорлары, сақтандыру компаниялары т.б.",
			"Тексеру қорытындысы маусымда жарияланады.",
		}},
	{"kk/abbr/tss", "kk",
		"Митингілерге, пикеттерге т.с.с. шараларға тыйым салынды.",
		[]string{
			"Митингілерге, пикеттерге т.с.с. шараларға тыйым салынды.",
		}},
	{"kk/abbr/bzb", "kk",
		"Қазба жұмыстары кезінде б.з.б. IV ғасырға жататын алтын әшекейлер табылды.",
		[]string{
			"Қазба жұмыстары кезінде б.з.б. IV ғасырға жататын алтын әшекейлер табылды.",
		}},
	{"kk/abbr/gasyr", "kk",
		"XX ғ. басында Алаш қозғалысы құрылды.",
		[]string{
			"XX ғ. басында Алаш қозғалысы құрылды.",
		}},
	{"kk/abbr/mys-then-name", "kk",
		"Кейбір өңірлерде, мыс. Атырау облысында, жанармай бағасы 20 пайызға өсті.",
		[]string{
			"Кейбір өңірлерде, мыс. Атырау облысында, жанармай бағасы 20 пайызға өсті.",
		}},
	{"kk/abbr/obl-then-lowercase", "kk",
		"Павлодар обл. бұрынғы әкімі Ғалымжан Жақиянов жеті жылға сотталды.",
		[]string{
			"Павлодар обл. бұрынғы әкімі Ғалымжан Жақиянов жеті жылға сотталды.",
		}},
	{"kk/abbr/obl-aud-then-name", "kk",
		"Алматы обл. Қарасай ауд. тұрғындары наразылық білдірді.",
		[]string{
			"Алматы обл. Қарасай ауд. тұрғындары наразылық білдірді.",
		}},
	{"kk/abbr/kala-kosh", "kk",
		"Пикет Алматы қ. Жібек жолы көш. бойында өтті.",
		[]string{
			"Пикет Алматы қ. Жібек жолы көш. бойында өтті.",
		}},
	{"kk/abbr/address", "kk",
		"Мекенжайымыз: Алматы қ., Абай көш., 52.",
		[]string{
			"Мекенжайымыз: Алматы қ., Абай көш., 52.",
		}},
	{"kk/abbr/mln", "kk",
		"Мемлекетке 3 млн АҚШ доллары көлемінде залал келтірілді.",
		[]string{
			"Мемлекетке 3 млн АҚШ доллары көлемінде залал келтірілді.",
		}},
	{"kk/abbr/mlrd", "kk",
		"Бюджет тапшылығы 150 млрд теңгеге жетті.",
		[]string{
			"Бюджет тапшылығы 150 млрд теңгеге жетті.",
		}},
	{"kk/abbr/tg-mid-sentence", "kk",
		"Бір литр бензиннің бағасы 75 тг. болды.",
		[]string{
			"Бір литр бензиннің бағасы 75 тг. болды.",
		}},
	{"kk/abbr/tg-ends-sentence", "kk",
		"Айыппұл мөлшері – 50 мың тг. Бұл соманы ол әлі төлеген жоқ.",
		[]string{
			"Айыппұл мөлшері – 50 мың тг.",
			"Бұл соманы ол әлі төлеген жоқ.",
		}},
	{"kk/abbr/tenge-word", "kk",
		"Айыппұл 200 мың теңге болды. Сот шешімі түпкілікті.",
		[]string{
			"Айыппұл 200 мың теңге болды.",
			"Сот шешімі түпкілікті.",
		}},
	{"kk/abbr/prof", "kk",
		"Заң ғылымдарының докторы, проф. Серік Ахметов бұл шешімді саяси деп бағалады.",
		[]string{
			"Заң ғылымдарының докторы, проф. Серік Ахметов бұл шешімді саяси деп бағалады.",
		}},
	{"kk/abbr/akad", "kk",
		"Конференцияда акад. Жұмабек Әбенов баяндама жасады.",
		[]string{
			"Конференцияда акад. Жұмабек Әбенов баяндама жасады.",
		}},
	{"kk/abbr/ma-acting", "kk",
		"Облыс әкімінің м.а. Серік Ахметов мәлімдеме жасады.",
		[]string{
			"Облыс әкімінің м.а. Серік Ахметов мәлімдеме жасады.",
		}},
	{"kk/abbr/kr-constitution", "kk",
		"ҚР Конституциясының 44-бабына сәйкес Президент азаматтарға кешірім жасайды.",
		[]string{
			"ҚР Конституциясының 44-бабына сәйкес Президент азаматтарға кешірім жасайды.",
		}},

	// ---------------------------------------------------------------
	// Kazakh: initials
	// ---------------------------------------------------------------
	{"kk/initials/two-spaced", "kk",
		"Н. Ә. Назарбаев бірқатар сотталушыларды босату туралы жарлыққа қол қойды.",
		[]string{
			"Н. Ә. Назарбаев бірқатар сотталушыларды босату туралы жарлыққа қол қойды.",
		}},
	{"kk/initials/two-unspaced", "kk",
		"Н.Ә. Назарбаев жарлыққа 13 мамырда қол қойды.",
		[]string{
			"Н.Ә. Назарбаев жарлыққа 13 мамырда қол қойды.",
		}},
	{"kk/initials/after-surname", "kk",
		"Назарбаев Н.Ә. жарлыққа қол қойды.",
		[]string{
			"Назарбаев Н.Ә. жарлыққа қол қойды.",
		}},
	{"kk/initials/several-names", "kk",
		"Мәлімдемеге М. Аблязов, Ғ. Жақиянов және Р. Таукина қол қойды.",
		[]string{
			"Мәлімдемеге М. Аблязов, Ғ. Жақиянов және Р. Таукина қол қойды.",
		}},
	{"kk/initials/single", "kk",
		"Мемлекет басшысы Н. Назарбаев бұл туралы өткен аптада мәлімдеді.",
		[]string{
			"Мемлекет басшысы Н. Назарбаев бұл туралы өткен аптада мәлімдеді.",
		}},
	{"kk/initials/starts-sentence", "kk",
		"Сот шағымды қабылдамады. С. Дуванов әлі түрмеде.",
		[]string{
			"Сот шағымды қабылдамады.",
			"С. Дуванов әлі түрмеде.",
		}},
	{"kk/initials/line-wrap", "kk",
		"Жарлыққа Н. Ә.\nНазарбаев қол қойды.",
		[]string{
			"Жарлыққа Н. Ә.\nНазарбаев қол қойды.",
		}},

	// ---------------------------------------------------------------
	// Kazakh: «» quotes
	// ---------------------------------------------------------------
	{"kk/quotes/multi-sentence-then-dash", "kk",
		"«Маған ешқандай қысым көрсетілген жоқ. Біз рақымшылық сұрадық және ол қанағаттандырылды», – деді Аблязов.",
		[]string{
			"«Маған ешқандай қысым көрсетілген жоқ.",
			"Біз рақымшылық сұрадық және ол қанағаттандырылды», – деді Аблязов.",
		}},
	{"kk/quotes/multi-sentence-em-dash", "kk",
		"«Біз бұл шешімді ізгі ниетпен қабылдадық. Біз ол үшін қуаныштымыз», — деді Таукина.",
		[]string{
			"«Біз бұл шешімді ізгі ниетпен қабылдадық.",
			"Біз ол үшін қуаныштымыз», — деді Таукина.",
		}},
	{"kk/quotes/exclamation-then-dash", "kk",
		"«Бұл – саяси шешім!» – деді Таукина.",
		[]string{
			"«Бұл – саяси шешім!» – деді Таукина.",
		}},
	{"kk/quotes/question-then-dash", "kk",
		"«Ол сайлауға қатыса ма?» – деп сұрады журналист.",
		[]string{
			"«Ол сайлауға қатыса ма?» – деп сұрады журналист.",
		}},
	{"kk/quotes/question-then-dep", "kk",
		"Журналистер «Сіз саясатқа ораласыз ба?» деп сұрады.",
		[]string{
			"Журналистер «Сіз саясатқа ораласыз ба?» деп сұрады.",
		}},
	{"kk/quotes/exclamation-then-dep", "kk",
		"Жұрт «Саяси тұтқындарға бостандық!» деп ұран тастады.",
		[]string{
			"Жұрт «Саяси тұтқындарға бостандық!» деп ұран тастады.",
		}},
	{"kk/quotes/question-then-capital", "kk",
		"Журналистердің бір ғана сұрағы болды: «Сіз саясатқа ораласыз ба?» Аблязов бұл сұраққа жауап бермеді.",
		[]string{
			"Журналистердің бір ғана сұрағы болды: «Сіз саясатқа ораласыз ба?»",
			"Аблязов бұл сұраққа жауап бермеді.",
		}},
	{"kk/quotes/period-after-guillemet", "kk",
		"Козлов былай деді: «Біз оны әлі де қозғалыс көшбасшысы деп санаймыз». ҚДТ өз бағытын өзгертпейді.",
		[]string{
			"Козлов былай деді: «Біз оны әлі де қозғалыс көшбасшысы деп санаймыз».",
			"ҚДТ өз бағытын өзгертпейді.",
		}},
	{"kk/quotes/question-inside-multi-sentence", "kk",
		"«Неге дәл қазір? Өйткені сайлау жақындап қалды», – деді сарапшы.",
		[]string{
			"«Неге дәл қазір?",
			"Өйткені сайлау жақындап қалды», – деді сарапшы.",
		}},
	{"kk/quotes/movement-name", "kk",
		"«Қазақстанның демократиялық таңдауы» қозғалысы 2001 жылы құрылды. Оның негізін Аблязов пен Жақиянов қалады.",
		[]string{
			"«Қазақстанның демократиялық таңдауы» қозғалысы 2001 жылы құрылды.",
			"Оның негізін Аблязов пен Жақиянов қалады.",
		}},
	{"kk/quotes/nested", "kk",
		"«Ол маған: „Мен саясаттан кетемін“ деді», – деп хабарлады Козлов.",
		[]string{
			"«Ол маған: „Мен саясаттан кетемін“ деді», – деп хабарлады Козлов.",
		}},

	// ---------------------------------------------------------------
	// Kazakh: numbers and dates
	// ---------------------------------------------------------------
	{"kk/numbers/decimal-comma", "kk",
		"Инфляция сәуірде 6,8 пайыз болды.",
		[]string{
			"Инфляция сәуірде 6,8 пайыз болды.",
		}},
	{"kk/numbers/percent-ends-sentence", "kk",
		"Ішкі жалпы өнім 9,2%-ға өсті. Ұлттық банк бұл көрсеткішті жоғары деп бағалады.",
		[]string{
			"Ішкі жалпы өнім 9,2%-ға өсті.",
			"Ұлттық банк бұл көрсеткішті жоғары деп бағалады.",
		}},
	{"kk/numbers/exchange-rate", "kk",
		"Доллар бағамы 150,25 теңге болды.",
		[]string{
			"Доллар бағамы 150,25 теңге болды.",
		}},
	{"kk/numbers/votes", "kk",
		"Ол сайлаушылар дауысының 91,15 пайызын алды.",
		[]string{
			"Ол сайлаушылар дауысының 91,15 пайызын алды.",
		}},
	{"kk/numbers/version", "kk",
		"Электрондық «Сайлау» жүйесінің 2.0 нұсқасы сынақтан өтті.",
		[]string{
			"Электрондық «Сайлау» жүйесінің 2.0 нұсқасы сынақтан өтті.",
		}},
	{"kk/numbers/article-number", "kk",
		"Аблязов ҚР Қылмыстық кодексінің 307-бабы бойынша сотталды.",
		[]string{
			"Аблязов ҚР Қылмыстық кодексінің 307-бабы бойынша сотталды.",
		}},
	{"kk/dates/zh-day-month", "kk",
		"Жарлық 2003 ж. 13 мамырда жарияланды.",
		[]string{
			"Жарлық 2003 ж. 13 мамырда жарияланды.",
		}},
	{"kk/dates/may-13-ends-sentence", "kk",
		"Жарлыққа 13 мамырда қол қойылды. Аблязов сол күні босатылды.",
		[]string{
			"Жарлыққа 13 мамырда қол қойылды.",
			"Аблязов сол күні босатылды.",
		}},
	{"kk/dates/dotted-date-zh", "kk",
		"13.05.2003 ж. қабылданған жарлық бірден күшіне енді.",
		[]string{
			"13.05.2003 ж. қабылданған жарлық бірден күшіне енді.",
		}},
	{"kk/dates/dotted-date", "kk",
		"Сот шешімі 10.05.2004 күні күшіне енді.",
		[]string{
			"Сот шешімі 10.05.2004 күні күшіне енді.",
		}},
	{"kk/dates/year-word-ends-sentence", "kk",
		"ҚДТ қозғалысы 2001 жылы құрылды. Сол жылы Аблязов министр қызметінен босатылды.",
		[]string{
			"ҚДТ қозғалысы 2001 жылы құрылды.",
			"Сол жылы Аблязов министр қызметінен босатылды.",
		}},

	// ---------------------------------------------------------------
	// Kazakh: ellipses and combined marks
	// ---------------------------------------------------------------
	{"kk/ellipsis/then-capital", "kk",
		"Ол біраз үнсіз тұрды... Содан кейін сөзін жалғастырды.",
		[]string{
			"Ол біраз үнсіз тұрды...",
			"Содан кейін сөзін жалғастырды.",
		}},
	{"kk/ellipsis/mid-sentence-lowercase", "kk",
		"Бұл... қалай десем екен, күтпеген шешім болды.",
		[]string{
			"Бұл... қалай десем екен, күтпеген шешім болды.",
		}},
	{"kk/ellipsis/final", "kk",
		"Аблязов бостандықта, ал Жақиянов пен Дуванов әлі түрмеде…",
		[]string{
			"Аблязов бостандықта, ал Жақиянов пен Дуванов әлі түрмеде…",
		}},
	{"kk/ellipsis/in-quote-then-dash", "kk",
		"«Көре жатармыз…» – деді ол.",
		[]string{
			"«Көре жатармыз…» – деді ол.",
		}},
	{"kk/ellipsis/unicode-then-capital", "kk",
		"Шешім қабылданды… Енді сөз сотта.",
		[]string{
			"Шешім қабылданды…",
			"Енді сөз сотта.",
		}},
	{"kk/ellipsis/question-dots", "kk",
		"Енді не болмақ?.. Оны ешкім білмейді.",
		[]string{
			"Енді не болмақ?..",
			"Оны ешкім білмейді.",
		}},
	{"kk/punct/question-exclamation", "kk",
		"Бұл қалай болғаны?! Сот қорғау тарапының бірде-бір дәлелін ескермеді.",
		[]string{
			"Бұл қалай болғаны?!",
			"Сот қорғау тарапының бірде-бір дәлелін ескермеді.",
		}},
	{"kk/punct/double-exclamation", "kk",
		"Бостандық!! Пикетке қатысушылар осылай ұрандатты.",
		[]string{
			"Бостандық!!",
			"Пикетке қатысушылар осылай ұрандатты.",
		}},

	// ---------------------------------------------------------------
	// Kazakh: lists, paragraphs, URLs
	// ---------------------------------------------------------------
	{"kk/lists/paren-numbers", "kk",
		"Оппозиция талаптары:\n1) саяси тұтқындарды босату;\n2) әділ сайлау өткізу;\n3) сөз бостандығын қамтамасыз ету.",
		[]string{
			"Оппозиция талаптары:",
			"1) саяси тұтқындарды босату;",
			"2) әділ сайлау өткізу;",
			"3) сөз бостандығын қамтамасыз ету.",
		}},
	{"kk/lists/bullets", "kk",
		"Құқық қорғаушылар бірнеше мәселеге алаңдаушылық білдірді:\n• босату шарттары;\n• Жақиянов пен Дувановтың тағдыры.",
		[]string{
			"Құқық қорғаушылар бірнеше мәселеге алаңдаушылық білдірді:",
			"• босату шарттары;",
			"• Жақиянов пен Дувановтың тағдыры.",
		}},
	{"kk/lists/numbered-decree-items", "kk",
		"1. Аблязов М.Қ. жазасын одан әрі өтеуден босатылсын.\n2. Осы Жарлық қол қойылған күнінен бастап қолданысқа енгізіледі.",
		[]string{
			"1. Аблязов М.Қ. жазасын одан әрі өтеуден босатылсын.",
			"2. Осы Жарлық қол қойылған күнінен бастап қолданысқа енгізіледі.",
		}},
	{"kk/lists/hyphen-bullets", "kk",
		"Негізгі талаптар:\n- саяси тұтқындарды босату\n- тәуелсіз сот",
		[]string{
			"Негізгі талаптар:",
			"- саяси тұтқындарды босату",
			"- тәуелсіз сот",
		}},
	{"kk/para/heading-then-paragraph", "kk",
		"Аблязов рақымшылықтың шартты болғанын жоққа шығарады\n\nҚазақстандағы басты оппозициялық топтың жетекшілерінің бірі Мұхтар Аблязов түрмеден босатылды.",
		[]string{
			"Аблязов рақымшылықтың шартты болғанын жоққа шығарады",
			"Қазақстандағы басты оппозициялық топтың жетекшілерінің бірі Мұхтар Аблязов түрмеден босатылды.",
		}},
	{"kk/para/hard-wrap-before-year", "kk",
		"Бұрынғы энергетика, индустрия және сауда министрі Жоғарғы сот\n2002 жылы шілдеде тағайындаған алты жылдық жазасын өтеп жүрген еді.",
		[]string{
			"Бұрынғы энергетика, индустрия және сауда министрі Жоғарғы сот\n2002 жылы шілдеде тағайындаған алты жылдық жазасын өтеп жүрген еді.",
		}},
	{"kk/para/hard-wrap-after-zh", "kk",
		"Жарлық 2003 ж.\n13 мамырда жарияланды.",
		[]string{
			"Жарлық 2003 ж.\n13 мамырда жарияланды.",
		}},
	{"kk/para/two-paragraphs", "kk",
		"Аблязов бостандыққа шықты.\n\nЖақиянов әлі түрмеде.",
		[]string{
			"Аблязов бостандыққа шықты.",
			"Жақиянов әлі түрмеде.",
		}},
	{"kk/urls/domain-mid-sentence", "kk",
		"Жарлықтың толық мәтіні www.akorda.kz сайтында жарияланды.",
		[]string{
			"Жарлықтың толық мәтіні www.akorda.kz сайтында жарияланды.",
		}},
	{"kk/urls/email-mid-sentence", "kk",
		"Хаттарыңызды press@iwpr.net мекенжайына жіберіңіздер.",
		[]string{
			"Хаттарыңызды press@iwpr.net мекенжайына жіберіңіздер.",
		}},
	{"kk/urls/domain-ends-sentence", "kk",
		"Ақпарат көзі – Kazinform.kz. Агенттік бұл хабарды кеше таратты.",
		[]string{
			"Ақпарат көзі – Kazinform.kz.",
			"Агенттік бұл хабарды кеше таратты.",
		}},
	{"kk/urls/path", "kk",
		"Құжат http://www.akorda.kz/kz/decrees/13.html сілтемесі бойынша қолжетімді.",
		[]string{
			"Құжат http://www.akorda.kz/kz/decrees/13.html сілтемесі бойынша қолжетімді.",
		}},
}
