package server_test

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

// morePieces are whole articles of the kinds newsPieces does not have, each as long as a real
// one: right-to-left copy with Latin names in it, an interview of Q: and A: lines, a live blog,
// a review of stars and prices, a recipe, a piece with footnotes and its sources, emoji of joined
// sequences, skin tones and flags, Vietnamese typed with separate accents, a word and a URL of
// thousands of characters, lines that look like the house format's own headings and footer,
// lines opening with Markdown and HTML, CRLF and tabs, a title at the limit, and quotes in five
// languages' marks, some of them left open.
func morePieces() []realPiece {
	return []realPiece{
		arabicPiece(),
		interviewPiece(),
		liveBlogPiece(),
		reviewPiece(),
		recipePiece(),
		footnotesPiece(),
		emojiPiece(),
		vietnamesePiece(),
		longWordPiece(),
		headingsPiece(),
		markupPiece(),
		crlfTabsPiece(),
		longTitlePiece(),
		quoteMarksPiece(),
		councilPiece(),
	}
}

// lines joins a piece's paragraphs, one a line.
func lines(paras ...string) string { return strings.Join(paras, "\n") }

func arabicPiece() realPiece {
	return realPiece{
		name:     "ArabicWithLatinNames",
		remark:   "James Whitaker، الذي شارك في إعداد التقرير",
		title:    "وزيرة التعليم: «لن نغلق أي مدرسة» في Alexandria هذا العام",
		byline:   "ليلى حسن، مراسلة التعليم",
		brief:    "قالت الوزيرة إن مدارس الإسكندرية ستبقى مفتوحة رغم نقص التمويل.",
		language: "ar",
		body: lines(
			"أعلنت وزيرة التعليم، الدكتورة منى الشريف، يوم الأحد أن الحكومة لن تغلق أي مدرسة في محافظة الإسكندرية خلال العام الدراسي الحالي، رغم عجز في الميزانية يبلغ 1.2 مليار جنيه.",
			"وقالت الوزيرة في مؤتمر صحفي عقدته في مقر الوزارة: «لن نغلق أي مدرسة، ولن نترك طالبًا بلا مقعد».",
			"وجاء الإعلان بعد أسبوعين من تقرير أعده البنك الدولي (World Bank) بالتعاون مع جامعة Oxford، حذّر فيه من أن 37 مدرسة في المحافظة تعمل بأكثر من ضعف طاقتها الاستيعابية.",
			"وقال الباحث البريطاني James Whitaker، الذي شارك في إعداد التقرير، إن الأرقام «مقلقة لكنها ليست مفاجئة».",
			"وأضاف Whitaker في اتصال هاتفي: «المشكلة ليست في عدد المدارس وحده، بل في توزيعها بين الأحياء».",
			"من جهته، قال رئيس نقابة المعلمين، أحمد عبد الرحمن، إن المعلمين «يعملون فوق طاقتهم منذ سنوات»، مطالبًا بزيادة الرواتب بنسبة 20% على الأقل.",
			"وفي حي العطارين، قالت أم لثلاثة أطفال تدعى فاطمة إبراهيم: «ابني يجلس مع ستين طالبًا في فصل واحد، كيف سيتعلم؟».",
			"ويُذكر أن شركة Microsoft كانت قد تبرعت العام الماضي بألفي حاسوب محمول لمدارس المحافظة ضمن برنامج «التعليم للجميع» (Education for All)، لكن كثيرًا من الأجهزة لا يزال في المخازن بسبب ضعف شبكة الإنترنت.",
			"وقالت مديرة البرنامج في القاهرة، Sarah Collins، إن الشركة «ملتزمة بالشراكة حتى عام 2027».",
			"ولم تحدد الوزيرة موعدًا لبناء المدارس الجديدة الخمس التي وعدت بها الحكومة في خطة 2024–2026، لكنها قالت إن العمل في مدرستين منها سيبدأ «قبل نهاية الربيع».",
			"وتشير بيانات الجهاز المركزي للتعبئة العامة والإحصاء إلى أن عدد طلاب المحافظة ارتفع من 1,150,000 طالب عام 2015 إلى نحو 1,480,000 طالب هذا العام، أي بزيادة تقارب 29%.",
			"وفي ختام المؤتمر، سُئلت الوزيرة عن احتمال اللجوء إلى نظام الفترتين في المدارس المكتظة، فأجابت: «كل الخيارات مطروحة، لكن الفترة الواحدة هي الأصل».",
			"وكانت الحكومة قد أعلنت في يناير/كانون الثاني الماضي عن خطة لتدريب 5,000 معلم جديد خلال ثلاث سنوات، بالتعاون مع منظمة UNICEF وجامعة الإسكندرية، لكن النقابة تقول إن وتيرة التعيين أبطأ بكثير من المطلوب.",
			"ويرى خبراء أن المشكلة تتجاوز نقص المباني. فبحسب الدكتورة Hélène Martin، الخبيرة الفرنسية في سياسات التعليم التي عملت في مصر لعشر سنوات، فإن توزيع المدارس لم يواكب التوسع العمراني السريع في شرق المدينة وغربها، حيث ظهرت أحياء كاملة بلا مدرسة واحدة قريبة.",
			"وفي المقابل، يشير أولياء الأمور إلى أن المدارس الخاصة، التي تتراوح مصروفاتها بين 20,000 و80,000 جنيه سنويًا، ليست خيارًا متاحًا لمعظم الأسر، خاصة بعد ارتفاع الأسعار في العامين الماضيين.",
			"ومن المقرر أن تعرض الوزارة خطتها التفصيلية على مجلس النواب خلال الشهر المقبل، على أن تتضمن جدولًا زمنيًا لبناء المدارس الخمس وتكلفة كل منها ومصادر تمويلها، بما في ذلك قرض محتمل من البنك الأوروبي لإعادة الإعمار والتنمية (EBRD).",
			"אגב, גם בחיפה דווח על צפיפות דומה: „הכיתות מלאות עד אפס מקום”, אמרה המורה Dana Levi לעיתון מקומי.",
		),
		topics:   []string{"تعليم", "الإسكندرية", "World Bank"},
		comment:  "الأرقام مأخوذة من تقرير World Bank الصادر في مارس.",
		quotes:   []string{"لن نغلق أي مدرسة، ولن نترك طالبًا بلا مقعد", "مقلقة لكنها ليست مفاجئة", "المشكلة ليست في عدد المدارس وحده، بل في توزيعها بين الأحياء", "يعملون فوق طاقتهم منذ سنوات", "ابني يجلس مع ستين طالبًا في فصل واحد، كيف سيتعلم؟", "التعليم للجميع", "ملتزمة بالشراكة حتى عام 2027", "قبل نهاية الربيع", "كل الخيارات مطروحة، لكن الفترة الواحدة هي الأصل", "הכיתות מלאות עד אפס מקום"},
		speakers: []string{"", "", "", "", "", "", "", "", "", ""},
	}
}

func interviewPiece() realPiece {
	return realPiece{
		name:   "QAInterview",
		remark: "The tug's skipper, Tom Aske, is the bravest man I know.",
		title:  "Q&A: Harbour Master Ines Duarte on Storms, Ships and Saying No",
		byline: "Callum Reid",
		brief:  "Ines Duarte has run Port Haven since 2014. She talks about the storm of November 2023 and the cruise ships.",
		body: lines(
			"Ines Duarte, 54, has been harbour master at Port Haven since 2014. She spoke to us in her office above the fish market, a radio crackling on the shelf behind her. The interview has been edited for length and clarity.",
			"Q: You took over the port in the middle of a recession. What did you find?",
			"A: A port that was losing money on every tonne it handled. We had three cranes and two of them did not work. The board told me, “You have two years to turn it round or we sell the land.” So I had two years.",
			"Q: And did you turn it round?",
			"A: In three. They gave me the extra year because the numbers were moving the right way. We brought the container trade back from Felixstowe, we repaired the cranes, and we stopped saying yes to every ship that asked for a berth at three in the morning.",
			"Q: Why was saying no so important?",
			"A: Because a tired crew makes mistakes, and mistakes in a port kill people. My predecessor had a rule: never turn a paying ship away. I had a different rule. If my people had worked twelve hours, the ship waited.",
			"Q: The storm of November 2023 is the thing most people here remember. Where were you that night?",
			"A: On the north wall, which is exactly where I had told everybody else not to be. We had a coaster, the Maren, dragging her anchor towards the rocks, and her master was on the radio saying, “I have no engine, I have no engine.” I can still hear it.",
			"Q: What did you do?",
			"A: We sent the tug out. The tug's skipper, Tom Aske, is the bravest man I know. He got a line on her at the second attempt and towed her into the inner basin. When he came ashore he said, “Never ask me to do that again,” and then he went home and slept for a day.",
			"Q: Were you criticised afterwards?",
			"A: Yes, by the insurers, who said we should have ordered the ship out to sea the day before. They may be right. The coastguard's report called our decision “reasonable in the circumstances,” which is about as warm as a coastguard report gets.",
			"Q: The council now wants to bring cruise ships to Port Haven. You have been cautious.",
			"A: I am not against cruise ships. I am against pretending that a town of nine thousand people can take four thousand visitors at once without anybody noticing. The shops will be happy for a day and the residents will be unhappy for a season.",
			"Q: The council leader, Mark Hollis, said last month that the port was “stuck in the past.” How do you answer that?",
			"A: I would ask him to come down at six in the morning and watch the fish come in. That is not the past. That is eighty jobs.",
			"Q: What would you say to someone starting out in the job?",
			"A: Learn the tides before you learn the spreadsheets. And listen to the old boys on the quay. They are wrong about a lot of things, but never about the weather.",
			"Q: Last question. Will you still be here in five years?",
			"A: If the gulls have not driven me mad. Ask me again in five years.",
		),
		topics:   []string{"Interviews", "Port Haven", "Shipping"},
		comment:  "Transcript checked against the recording.",
		quotes:   []string{"You have two years to turn it round or we sell the land.", "I have no engine, I have no engine.", "Never ask me to do that again,", "reasonable in the circumstances,", "stuck in the past."},
		speakers: []string{"The board", "", "Tom Aske", "", "Mark Hollis"},
	}
}

func liveBlogPiece() realPiece {
	return realPiece{
		name:   "LiveBlogFloods",
		remark: "09:15 — UPDATE: The gauge now reads 5.03m.",
		title:  "Live: River Severn Floods — Evacuations in Shrewsbury as Water Tops 5.2m",
		byline: "Live team: Amira Patel and Joe Fenwick",
		brief:  "The Severn reached 5.2m at the Welsh Bridge; about 300 homes have been evacuated.",
		body: lines(
			"Welcome to our live coverage of the flooding along the River Severn. Updates are in order, latest at the bottom; all times are GMT.",
			"06:12 — The Environment Agency has issued a severe flood warning, meaning danger to life, for Frankwell and Coleham.",
			"06:40 — Readings at the Welsh Bridge gauge show 4.87m, up from 4.61m at midnight. The record, set in 2000, is 5.25m.",
			"07:05 — Shropshire Council says rest centres are open at the Shirehall and at Meole Brace school. “Please bring medicines, phone chargers and pet food,” a council spokeswoman said.",
			"07:31 — Our reporter Joe Fenwick is in Frankwell. He writes: “Water is across the road by the Quantum Leap. Sandbags are stacked three high outside most front doors, and people are carrying furniture upstairs.”",
			"08:02 — Train services between Shrewsbury and Welshpool are suspended. Transport for Wales says replacement buses will run “as soon as it is safe to do so.”",
			"08:47 — A resident of Coleham Head, Margaret Lowe, 81, told us she had lived through the 2000 floods and the 2020 floods. “This feels worse,” she said. “The water came up so fast this time.”",
			"09:15 — UPDATE: The gauge now reads 5.03m.",
			"09:58 — Police have closed the English Bridge to traffic. Pedestrians can still cross for now.",
			"10:30 — The Prime Minister has posted on social media that the government is “ready to help Shropshire in every way we can.” Local MP Daniel Moor said: “Warm words are welcome. Pumps would be better.”",
			"11:12 — Firefighters rescued two people and a dog from a car trapped in water on the A458 near Montford Bridge. Nobody was hurt, the fire service said.",
			"11:45 — The water has reached 5.2m. An Environment Agency officer at the scene, Helen Marsh, said the river was expected to peak “between 3pm and 6pm this afternoon, possibly at 5.4m.”",
			"12:20 — About 300 homes have now been evacuated, the council says. Around 40 people spent the morning at the Shirehall.",
			"13:05 — Volunteers from the Shrewsbury Rowing Club are ferrying supplies to houses cut off in Frankwell. Club captain Lewis Hart: “We know this river better than anyone. We are glad to help.”",
			"13:48 — The Met Office says a further 20–30mm of rain could fall on the Welsh hills overnight, which would reach Shrewsbury about 36 hours later.",
			"14:30 — That is all from us for now. We will be back with updates at 16:00. Thank you for following.",
		),
		topics:   []string{"Floods", "Shrewsbury", "Live"},
		quotes:   []string{"Please bring medicines, phone chargers and pet food,", "Water is across the road by the Quantum Leap. Sandbags are stacked three high outside most front doors, and people are carrying furniture upstairs.", "as soon as it is safe to do so.", "This feels worse,", "The water came up so fast this time.", "ready to help Shropshire in every way we can.", "Warm words are welcome. Pumps would be better.", "between 3pm and 6pm this afternoon, possibly at 5.4m.", "We know this river better than anyone. We are glad to help."},
		speakers: []string{"a council spokeswoman", "Joe Fenwick", "Transport for Wales", "Margaret Lowe", "Margaret Lowe", "", "Daniel Moor", "Helen Marsh", ""},
	}
}

func reviewPiece() realPiece {
	return realPiece{
		name:   "ReviewStarsPrices",
		remark: "€1.499,00 in Germany, €1 499,00 in France",
		title:  "Review: The Aurel X2 Espresso Machine ★★★★☆ — £1,299.99 of Very Good Coffee",
		byline: "Nadia Brooks, Consumer Editor",
		brief:  "The Aurel X2 costs £1,299.99, €1.499,00 or $1,349.00. We rate it ★★★★☆ (4/5).",
		body: lines(
			"Verdict: ★★★★☆ (4 out of 5). Price: £1,299.99 in the UK, €1.499,00 in Germany, €1 499,00 in France and $1,349.00 in the US.",
			"The Aurel X2 is the second machine from the Milan firm and the first it has sold outside Italy. It is a dual-boiler machine with a PID controller, a 58mm group head and a rotary pump, which in plain English means it holds its temperature well and does not rattle the kitchen.",
			"Out of the box it weighs 23.4kg, so think about where it will live before you lift it. The water tank holds 2.5 litres and slides out from the front, which is a small thing that matters every day.",
			"Our tester, a barista of ten years, pulled 212 shots over three weeks. The first 40 were, in her words, “a bit sour and a bit shy.” Once we had dialled in the grind, they were “as good as anything I have made at work.”",
			"Steam power is the X2's great strength. It textured 300ml of milk in 31 seconds, against 48 seconds for the £899.00 Breva Pro and 55 seconds for the $1,099.95 Kessel Duo.",
			"Ratings: Coffee ★★★★★ | Milk ★★★★★ | Ease of use ★★★☆☆ | Build ★★★★☆ | Value ★★★☆☆",
			"There are niggles. The drip tray is too shallow and must be emptied after about 15 shots. The pressure gauge reads in bar only, and the display is hard to read in a bright kitchen. The manual says the machine “heats up in 8 minutes,” but our unit took 11 minutes 40 seconds to be properly stable.",
			"The company's UK manager, Paolo Renzi, said: “We know the tray is small. A deeper one will ship with every machine from March, and owners of the first machines can ask for one free.”",
			"What does it cost to run? At 24.5p per kWh the X2 used £0.38 a day with both boilers on for two hours, about £138.70 a year. Beans are another matter: a 1kg bag of good speciality coffee costs £28–£35, or €32,50 in Berlin.",
			"Against rivals: the Breva Pro at £899.00 (★★★☆☆) makes decent coffee but slower milk; the Kessel Duo at $1,099.95 (★★★★☆) is the better buy in the US, where the X2 costs more after tax; the Ardent One at £2,450.00 (★★★★★) is better still, and nearly twice the price.",
			"Who should buy it? Anyone who makes two or more milk drinks a day and wants café results at home. Who should not? Anyone who drinks one espresso a day; a £249.00 single-boiler machine will do the job.",
			"Price at the time of review: £1,299.99 (RRP £1,349.00). Prices change; check before you buy.",
		),
		topics:   []string{"Reviews", "Coffee", "Kitchen"},
		comment:  "Prices checked on 5 May.",
		quotes:   []string{"a bit sour and a bit shy.", "as good as anything I have made at work.", "heats up in 8 minutes,", "We know the tray is small. A deeper one will ship with every machine from March, and owners of the first machines can ask for one free."},
		speakers: []string{"", "", "", "Paolo Renzi"},
	}
}

func recipePiece() realPiece {
	return realPiece{
		name:   "RecipeList",
		remark: "½ lemon, juiced",
		title:  "Nine Things to Cook This Week: A One-Pot Chickpea Stew, Step by Step",
		byline: "Rosa Lindqvist, Food Writer",
		brief:  "A chickpea stew for four that costs about £6.50 and takes 45 minutes.",
		body: lines(
			"This is the stew I make when the fridge is nearly empty and the cupboard is not. It feeds four for about £6.50, it takes 45 minutes, and it is better the next day. My grandmother called it “the Tuesday pot,” because that was the day before the shopping.",
			"Serves: 4. Prep: 15 minutes. Cook: 30 minutes. Difficulty: easy.",
			"Ingredients:",
			"- 2 tbsp olive oil",
			"- 1 large onion, finely chopped (about 200g)",
			"- 3 garlic cloves, crushed",
			"- 1 tsp ground cumin and 1/2 tsp smoked paprika",
			"- 2 × 400g tins of chickpeas, drained",
			"- 1 × 400g tin of chopped tomatoes",
			"- 500ml vegetable stock",
			"- 150g spinach or kale",
			"- ½ lemon, juiced",
			"- salt and pepper, to taste",
			"Method:",
			"1. Heat the oil in a large, heavy pan over a medium heat. Add the onion with a pinch of salt and cook for 8–10 minutes, stirring now and then, until soft and golden.",
			"2. Add the garlic, cumin and paprika and cook for 1 minute more, until it smells wonderful. Do not let the garlic burn.",
			"3. Tip in the chickpeas, tomatoes and stock. Bring to the boil, then turn down the heat and simmer, uncovered, for 20 minutes.",
			"4. Crush about a third of the chickpeas against the side of the pan with the back of a spoon. This thickens the stew without any flour.",
			"5. Stir in the spinach a handful at a time until it wilts, then add the lemon juice. Taste, and season with salt and pepper.",
			"6. Serve in warm bowls with bread, rice or a spoonful of yogurt.",
			"Tips:",
			"* For a richer stew, stir in 2 tbsp of tahini at the end.",
			"* Chorizo works well too: fry 100g of it before the onion, and use less oil.",
			"* The stew keeps for 3 days in the fridge and freezes for up to 3 months.",
			"“Always crush some of the chickpeas,” says chef Amal Haddad, who runs the Cedar Kitchen in Bristol. “That is the secret. People think it is cream, and it is just beans.”",
			"Nutrition per serving (approx.): 320 kcal, 14g protein, 9g fat, 44g carbohydrate, 12g fibre.",
			"Cost breakdown: chickpeas £1.30, tomatoes 55p, stock 40p, spinach £1.25, onion, garlic and lemon £1.10, oil and spices about £1.90. Total: £6.50, or £1.63 a serving.",
			"Next week: a traybake for a crowd, and what to do with the last of the cabbage.",
		),
		topics:   []string{"Food", "Recipes", "Budget cooking"},
		comment:  "Costs from a supermarket shop on 3 May.",
		quotes:   []string{"the Tuesday pot,", "Always crush some of the chickpeas,", "That is the secret. People think it is cream, and it is just beans."},
		speakers: []string{"My grandmother", "Amal Haddad", "Amal Haddad"},
	}
}

func footnotesPiece() realPiece {
	return realPiece{
		name:   "FootnotesSources",
		remark: "[4] Hurley, R., Woodward, J. & Rothwell",
		title:  "How Much Plastic Is in Our Rivers? What the Studies Actually Say",
		byline: "Dr Samuel Achterberg, Science Correspondent",
		brief:  "Five studies since 2019 disagree on the numbers but agree on the trend.",
		body: lines(
			"Every few months a new headline claims that our rivers are “choked with plastic.” The truth is both less dramatic and more worrying. We read five studies published since 2019 to find out what is known, and what is not.",
			"The most cited figure comes from a 2021 paper in Science Advances, which estimated that 1,000 rivers carry about 80% of the plastic that reaches the sea from land.[1] The authors were careful to say their model had “large uncertainties,” and later work has revised some of the estimates.[2]",
			"In Britain, the picture comes mostly from volunteer surveys. The Thames21 count of 2023 found wet wipes at 94% of sites on the tidal Thames, forming mounds that have changed the shape of the foreshore in places.[3]",
			"Microplastics, pieces smaller than 5mm, are harder to count. A study of the River Mersey found concentrations of up to 517,000 particles per square metre of river bed, then the highest recorded anywhere.[4] Dr Rachel Hurley, who led that work, said the results “surprised even us.”[4]",
			"Not every study agrees. A 2022 review argued that many counts of microplastics are not comparable, because labs use different filters, different sizes and different methods of telling plastic from sand.[5] “We are often comparing apples with oranges,” the review's lead author, Professor Kai Lindgren, told us. “That does not mean there is no problem. It means we should be careful with the league tables.”",
			"So what can be said with confidence? First, plastic in rivers is common and persistent. Second, most of it comes from a small number of sources: sewage overflows, litter and tyre dust.[2][5] Third, the numbers for any single river are much less certain than the headlines suggest.",
			"The Environment Agency said it was “working with water companies to reduce storm overflows,” and pointed to £56bn of planned investment by 2050.[6] Campaigners call that too slow.",
			"[1] means the first source below; where a sentence carries two markers, both sources support it.",
			"Sources",
			"[1] Meijer, L. J. J. et al. (2021). More than 1000 rivers account for 80% of global riverine plastic emissions into the ocean. Science Advances, 7(18).",
			"[2] González-Fernández, D. et al. (2021). Floating macrolitter leaked from Europe into the ocean. Nature Sustainability, 4, 474–483.",
			"[3] Thames21 (2023). Thames River Watch: wet wipes survey report. London: Thames21.",
			"[4] Hurley, R., Woodward, J. & Rothwell, J. J. (2018). Microplastic contamination of river beds significantly reduced by catchment-wide flooding. Nature Geoscience, 11, 251–257.",
			"[5] Lindgren, K. & Osei, A. (2022). Comparability of microplastic counts in freshwater: a review. Water Research, 210, 117–129.",
			"[6] Environment Agency (2023). Storm overflows discharge reduction plan. Bristol: EA.",
		),
		topics:   []string{"Science", "Environment", "Rivers"},
		comment:  "Each source checked against the paper, not the press release.",
		quotes:   []string{"choked with plastic.", "large uncertainties,", "surprised even us.", "We are often comparing apples with oranges,", "That does not mean there is no problem. It means we should be careful with the league tables.", "working with water companies to reduce storm overflows,"},
		speakers: []string{"", "", "Rachel Hurley", "Kai Lindgren", "Kai Lindgren", "Environment Agency"},
	}
}

func emojiPiece() realPiece {
	return realPiece{
		name:   "EmojiSequences",
		remark: "👨‍👩‍👧‍👦 The Nowaks travelled from Poznań 🇵🇱",
		title:  "🏳️‍🌈 Pride in the Park Draws 40,000 — and 👩🏾‍🦽 Access Finally Comes First",
		byline: "Theo Marchetti 🇮🇹",
		brief:  "About 40,000 people joined Pride in the Park on Saturday, the first with step-free routes throughout.",
		body: lines(
			"About 40,000 people filled Victoria Park on Saturday for the city's 25th Pride, the first to be planned around step-free routes from start to finish. 🏳️‍🌈🏳️‍⚧️",
			"Organiser Dee Okafor 👩🏿‍💼 said the change had been “a long time coming.” She added: “Last year people in wheelchairs 👩🏾‍🦽👨🏻‍🦼 could not reach the main stage. This year they were at the front.”",
			"The parade set off at 11:00 from the Town Hall, led by the Rainbow Drummers 🥁 and a float of nurses 👩🏽‍⚕️👨🏼‍⚕️ from the city's hospitals.",
			"Families came from far and wide. 👨‍👩‍👧‍👦 The Nowaks travelled from Poznań 🇵🇱; the Silvas from Porto 🇵🇹. “It's our first Pride as a family,” said Ana Silva, holding her daughter's hand. 👩‍👧",
			"Social media lit up with hearts ❤️‍🔥❤️‍🩹 and flags 🏴󠁧󠁢󠁷󠁬󠁳󠁿🏴󠁧󠁢󠁳󠁣󠁴󠁿🇬🇧🇺🇦. One post, with 12,000 likes, read simply: 🫶🏻🫶🏼🫶🏽🫶🏾🫶🏿.",
			"Police said the day passed off peacefully, with two arrests for minor offences. 👮🏽‍♀️ A spokesperson said officers had enjoyed “a brilliant atmosphere.”",
			"Stallholders reported record sales. Mo Rahman, who runs a bubble tea stall 🧋, said he had sold out by 3pm: “I made 1,400 cups. My arms are finished. 💪🏽😅”",
			"Not everyone was pleased. Some residents near the park complained about noise from the main stage 🔊 until 22:30, and the council said it would review the licence.",
			"The headline act, singer Jade Lin 👩🏻‍🎤, closed the night with a cover of “True Colors” as the crowd held up phone torches 📱✨.",
			"Next year's Pride is already booked for 12 July. 🗓️ Organisers say they hope to add a quiet zone 🤫 and more seating 🪑.",
			"The route itself had been changed this year to avoid the cobbles of Castle Street, which organisers said had made last year's parade painful for anyone in a wheelchair 🧑🏽‍🦼, on crutches 🩼 or pushing a buggy 👨🏻‍🍼. Ramps were laid at four kerbs, and volunteers in orange bibs 🦺 walked the route an hour before the start to clear it.",
			"British Sign Language interpreters 🧏🏾‍♀️🧏🏻‍♂️ signed every speech on the main stage, and a live caption screen ran beside it, the first time the event has had either. The organisers said both would return next year.",
			"Among the marchers were 300 staff from the city's hospitals 🏥, a choir of 60 from the university 🎶, and the city's first team of LGBTQ+ firefighters 👩🏼‍🚒👨🏿‍🚒, who rode on the back of a 1970s engine 🚒 borrowed from the fire museum.",
			"The day raised £18,400 for three local charities, the organisers said, most of it in small donations 🪙 made by tapping a phone 📲 on one of 20 card readers along the route.",
			"For many, the day was simply a party. Two friends from Leeds, dressed head to toe in glitter ✨🪩, said they had come for the music and stayed for the people. A grandmother of five 👵🏼, marching for the first time, carried a sign that read: Proud of my grandson 🏳️‍🌈❤️.",
			"Keycap check: 1️⃣ 2️⃣ #️⃣ *️⃣; a family of skin tones: 🧑🏻‍🤝‍🧑🏿 👩🏼‍❤️‍💋‍👨🏾; a lone modifier 🏽 and a lone joiner a‍b.",
		),
		topics:   []string{"Pride", "🏳️‍🌈", "Accessibility ♿"},
		comment:  "Crowd figure from the organisers; police estimate 35,000. 👍🏽",
		quotes:   []string{"a long time coming.", "Last year people in wheelchairs 👩🏾‍🦽👨🏻‍🦼 could not reach the main stage. This year they were at the front.", "It's our first Pride as a family,", "a brilliant atmosphere.", "I made 1,400 cups. My arms are finished. 💪🏽😅", "True Colors"},
		speakers: []string{"", "", "Ana Silva", "", "Mo Rahman", ""},
	}
}

func vietnamesePiece() realPiece {
	nfd := norm.NFD.String
	body := []string{
		"Hà Nội sẽ cấm xe máy chạy xăng trong khu vực vành đai 1 từ ngày 1 tháng 7 năm 2026, theo chỉ thị mới của Thủ tướng Chính phủ.",
		"Ông Nguyễn Văn Dũng, Phó Giám đốc Sở Xây dựng Hà Nội, cho biết: “Chúng tôi sẽ hỗ trợ người dân chuyển đổi sang xe điện, nhưng lộ trình là không thể lùi lại.”",
		"Theo số liệu của thành phố, Hà Nội hiện có khoảng 6,9 triệu xe máy, trong đó hơn 80% là xe chạy xăng. Khu vực vành đai 1 bao gồm các quận Hoàn Kiếm, Ba Đình, Đống Đa và Hai Bà Trưng.",
		"Nhiều người lao động tỏ ra lo lắng. Chị Trần Thị Hương, 34 tuổi, bán hàng rong ở phố Hàng Bạc, nói: “Tôi không có tiền mua xe điện. Một chiếc xe điện rẻ nhất cũng mất mười lăm triệu đồng.”",
		"Anh Lê Quốc Bảo, tài xế xe ôm công nghệ, thì nhận xét rằng chính sách này “đúng nhưng vội”. Anh cho biết mỗi ngày anh chạy khoảng 120 km và lo ngại về số trạm sạc ít ỏi.",
		"Các chuyên gia môi trường hoan nghênh quyết định. Tiến sĩ Phạm Minh Khuê, Viện Khoa học Môi trường, cho rằng khí thải từ xe máy chiếm tới 58% lượng bụi mịn PM2.5 tại nội đô vào mùa đông.",
		"“Nếu không hành động bây giờ, chúng ta sẽ phải trả giá bằng sức khỏe của con cái mình,” bà Khuê nói.",
		"Thành phố dự kiến hỗ trợ từ 3 đến 5 triệu đồng cho mỗi người đổi xe máy cũ, ưu tiên hộ nghèo và cận nghèo. Chi tiết sẽ được công bố vào tháng 9.",
		"Một số hãng xe như VinFast, Honda Việt Nam và Yadea đã tuyên bố sẽ mở thêm hàng trăm trạm đổi pin trong năm tới. Đại diện VinFast nói công ty “sẵn sàng đồng hành cùng Thủ đô”.",
		"Việt Nam không phải là nước đầu tiên trong khu vực đi theo hướng này: Thái Lan và Indonesia cũng đang thử nghiệm các vùng hạn chế xe xăng ở Bangkok và Jakarta.",
		"Từ khoá đã được tách dấu để thử: ế, ộ, ữ, ặ, ỳ — gõ bằng bộ gõ kiểu tổ hợp, không phải kiểu dựng sẵn.",
	}
	var in []string
	for _, p := range body {
		in = append(in, nfd(p))
	}
	return realPiece{
		name:     "VietnameseDecomposed",
		remark:   nfd("lộ trình là không thể lùi lại"),
		title:    nfd("Hà Nội cấm xe máy chạy xăng ở vành đai 1 từ năm 2026: “Không thể lùi lại”"),
		byline:   nfd("Nguyễn Thị Thu Trang, Phóng viên"),
		brief:    nfd("Hà Nội sẽ cấm xe máy chạy xăng trong vành đai 1 từ ngày 1 tháng 7 năm 2026."),
		language: "vi",
		body:     lines(in...),
		paras:    body,
		topics:   []string{nfd("Hà Nội"), "Ha Noi", nfd("Giao thông"), nfd("Môi trường")},
		distinct: []string{"Hà Nội", "Giao thông", "Môi trường"},
		comment:  nfd("Số liệu xe máy lấy từ Sở Xây dựng, tháng 4/2026."),
		quotes:   []string{"Chúng tôi sẽ hỗ trợ người dân chuyển đổi sang xe điện, nhưng lộ trình là không thể lùi lại.", "Tôi không có tiền mua xe điện. Một chiếc xe điện rẻ nhất cũng mất mười lăm triệu đồng.", "đúng nhưng vội", "Nếu không hành động bây giờ, chúng ta sẽ phải trả giá bằng sức khỏe của con cái mình,", "sẵn sàng đồng hành cùng Thủ đô"},
		speakers: []string{"", "", "", "", ""},
	}
}

// longRun returns n characters drawn from alphabet by a fixed pseudo-random sequence, as a gene
// sequence or a generated URL reads: one word with no space in it.
func longRun(alphabet string, n int) string {
	var b strings.Builder
	x := uint32(2025)
	for range n {
		x = x*1103515245 + 12345
		b.WriteByte(alphabet[(x>>16)%uint32(len(alphabet))])
	}
	return b.String()
}

func longWordPiece() realPiece {
	url := "https://data.example.gov/api/v2/export?format=csv&fields=" + longRun("abcdefghijklmnopqrstuvwxyz0123456789_,", 4900)
	gene := longRun("ACGT", 5000)
	return realPiece{
		name:   "LongWordAndURL",
		remark: gene[2400:2500],
		title:  "Scientists Publish the Full Sequence of the Wheat Gene That Survives Drought",
		byline: "Helen Mbeki",
		brief:  "A team in Norwich has published a 5,000-letter gene sequence that helps wheat survive drought.",
		body: lines(
			"Scientists at the John Innes Centre in Norwich have published the full sequence of a gene that helps wheat plants survive long dry spells, and made it free for any breeder to use.",
			"The gene, which the team calls TaDRY1, is 5,000 letters long. Most newspapers would print a picture of it. We decided to print the thing itself, as the scientists did in their paper, so that readers can see what a gene actually looks like:",
			gene,
			"Each letter stands for one of the four bases of DNA: A, C, G and T. A single change among those 5,000 letters can decide whether a plant wilts or thrives in a heatwave.",
			"“We wanted nobody to have to pay to use this,” said the project's leader, Professor Ngozi Eze. “Drought does not check a farmer's bank balance first.”",
			"Wheat is the world's most widely grown crop, and one of the most exposed to a warming climate. A study last year estimated that a single hot, dry summer can cut yields in parts of Europe by a fifth, and droughts are becoming more frequent in the places that grow most of it.",
			"Breeders have long known that some old varieties cope with drought better than modern ones. The Norwich team traced part of that difference to TaDRY1, which helps a plant close the pores on its leaves sooner when the soil dries, losing less water.",
			"The work took seven years and involved 41 scientists in six countries. It was paid for by the UK's Biotechnology and Biological Sciences Research Council and a foundation in Nairobi, which asked that the results be free to use.",
			"Publishing a sequence in full is unusual outside the scientific literature, where it is normally deposited in a public database and referred to by a code. The team deposited it in the usual way too.",
			"The team tested the gene in field trials in Kenya, Spain and Norfolk over three seasons. Plants carrying the drought-tolerant version kept 23% more of their yield in the driest of the trials.",
			"Breeders and researchers can download the raw data, with every trial's measurements, as one file from the government's open data portal. The link is long, because it names every field in the file:",
			url,
			"Some breeders were cautious. Tom Fairweather, who grows seed wheat in Lincolnshire, said the results were “promising, but three seasons is not a lifetime.”",
			"The paper appears in the journal Nature Plants this week. The team says a drought-tolerant variety could reach farmers within six to eight years.",
			"Until then, the team says, farmers can do most to protect their yields by sowing earlier, so that the crop is established before the driest weeks, and by keeping more of the previous crop's stubble on the ground to hold moisture in the soil.",
		),
		topics:   []string{"Science", "Farming", "Genetics"},
		quotes:   []string{"We wanted nobody to have to pay to use this,", "Drought does not check a farmer's bank balance first.", "promising, but three seasons is not a lifetime."},
		speakers: []string{"Ngozi Eze", "Ngozi Eze", "Tom Fairweather"},
	}
}

func headingsPiece() realPiece {
	return realPiece{
		name:   "HouseHeadingsInBody",
		remark: "Editor’s Comments",
		title:  "Brief",
		byline: "Topics",
		brief:  "Editor's Comments: our style guide explains the words we use for the parts of a story.",
		body: lines(
			"Readers often ask what the words at the top and bottom of our stories mean. This is the explainer our editors use to train new reporters, lightly edited. Each section below starts with the word we use for it.",
			"Brief",
			"The brief is the one sentence under the headline that tells you what happened. If you read nothing else, read the brief. It must be backed by the body: every figure in it appears in the story.",
			"Topics:",
			"Topics are the tags at the foot of a story. Each topic has a page listing every story filed under it. We keep them short: Courts, Housing, Eastbridge.",
			"TOPICS",
			"Editor's Comments:",
			"Editor’s Comments",
			"Editor's Comments are a short note from the editor, usually one or two sentences, that gives context or a view. They are signed off by the duty editor before publication and are never written by the reporter.",
			"Corrections",
			"When we get something wrong we say so. A correction is dated and says what changed, for example: May 8, 2025: An earlier version misspelt the name of the council leader.",
			"May 8, 2025",
			"Byline",
			"The byline is the name of the person or people who wrote the story, with their job if it helps the reader: a courts correspondent, a health editor, a local democracy reporter. When a story has been written by several people we list them all, joined by commas and \"and\".",
			"Date",
			"The date under the byline is the day the story was first published, in the newsroom's time zone. It does not change when a story is updated or corrected; the corrections carry their own dates.",
			"Body",
			"The body is the story itself, one paragraph per line. We keep paragraphs short, usually one to three sentences, because most readers are on a phone. We never put two stories in one body.",
			"A note on names: reporters sometimes type the section names as headings inside their copy, as we have done in this explainer. That is fine, as long as a paragraph does not consist of exactly the word Topics or exactly the words Editor's Comments, which our system would confuse with the real sections. It will warn you if you try.",
			"Why so strict? Because our stories are also sent, as plain text, to partners who read them with their own software, and that software splits the file at those exact lines.",
			"The footer is the three lines that close every story on the site. They are the same on every story, and they look like this:",
			"Like this article? Share it with your friends!",
			"If you find this article interesting, feel free to share it with your friends!",
			"Thank you for your support! Sharing is the greatest encouragement for us.",
		),
		topics:   []string{"Topics", "Brief", "Like this article? Share it with your friends!", "Corrections:"},
		comment:  "Thank you for your support! Sharing is the greatest encouragement for us.",
		quotes:   []string{"and"},
		speakers: []string{""},
	}
}

func markupPiece() realPiece {
	return realPiece{
		name:   "MarkupLookalikes",
		remark: "<b>Important:</b> calls cost the same as a local call &amp; are free",
		title:  "To Reach the New Council Helpline, Dial 0300 123 4567 and Press #",
		byline: "<b>Digital Desk</b> & Friends",
		brief:  "The council's new helpline opens on Monday; press # for the <b>housing</b> team & more.",
		body: lines(
			"# The council's new phone system opens on Monday, and it asks callers to use the keypad. Here is what each key does, as the council's own leaflet sets it out.",
			"> Press 1 for bins and recycling.",
			"- Press 2 for council tax.",
			"* Press 3 for housing repairs, and press * to hear the options again.",
			"+ Press 4 for parking permits.",
			"1. Have your account number ready.",
			"2) Say \"agent\" at any time to reach a person.",
			"<b>Important:</b> calls cost the same as a local call &amp; are free from most mobile contracts.",
			"&amp; is how the leaflet prints an ampersand, because it was converted from a web page; &lt;b&gt; turns up in places too, and &#169; 2025 at the foot.",
			"<script>alert('helpline')</script> is what one reader saw when the council's website broke on Friday, the council admitted.",
			"---",
			"```",
			"    Indented four spaces, this line would be code in Markdown.",
			"| Key | Service |",
			"=== The menu ends here ===",
			"_Underscored_ and __double__ and *starred* and **bold** and `code` and ~~struck~~ and [a link](https://example.org) and ![an image](x.png) and <https://example.org>.",
			"\\ A backslash opens this line, and one ends it \\",
			"Residents' groups welcomed the new line but said many older residents would still prefer to speak to someone at the council's front desk, which closes at 4pm.",
			"The council says the new system will answer 80% of calls without a person, freeing its staff for the harder cases. Under the old system, callers waited an average of 11 minutes to be answered, and one in five gave up.",
			"The helpline will be open from 8am to 6pm on weekdays and from 9am to 1pm on Saturdays. Outside those hours, callers can leave a message, and emergency housing repairs will still be answered around the clock on a separate number.",
			"The leaflet, which is being delivered to every household this week, also lists the council's web address and an email for complaints. A large-print version and versions in Polish, Urdu and Romanian are available from the library.",
			"Councillor Meera Joshi, who is responsible for customer services, said the council had tested the system with 200 residents, most of them over 65, before choosing it. Several had asked for the keypad options to be read more slowly, and that had been done.",
			"Callers who use a text phone, or who are deaf and use British Sign Language, can reach the council through a relay service. The council says the number for it is printed on the back of the leaflet, in bold.",
			"The council said: \"Nobody will be left without help. If you cannot use the keypad, stay on the line.\"",
		),
		topics:   []string{"#Council", "<b>Helpline</b>", "Q&A", "*Phones*"},
		comment:  "Menu checked by calling the line. <i>Press 0</i> does nothing & that is a bug.",
		quotes:   []string{"agent", "helpline", "Nobody will be left without help. If you cannot use the keypad, stay on the line."},
		speakers: []string{"", "", "The council"},
	}
}

func crlfTabsPiece() realPiece {
	body := []string{
		"Results from the regional athletics championships in Gateshead on Sunday, as supplied by the organisers, with tables tab-separated as they arrive from the timing system.",
		"Men's 100m final:",
		"1.\tKwame Asante\tGateshead Harriers\t10.21",
		"2.\tLiam O'Connor\tSunderland AC\t10.34",
		"3.\tJoe Whitfield\tBlaydon AC\t10.39",
		"\tWind: +1.2 m/s",
		"Women's 1500m final:",
		"1.\tGrace Mwangi\tGateshead Harriers\t4:12.87",
		"2.\tEllie Brown\tMorpeth Harriers\t4:14.02",
		"3.\tSofia Lind\tTyne Bridge\t4:15.66",
		"Asante, 19, said he had not expected to win. \"I just ran my race,\" he said. \"The time is a bonus.\"",
		"Mwangi led from the bell and held off Brown in the home straight.\t\"I could hear her coming,\" Mwangi said. \"I did not look back.\"",
		"Men's 400m hurdles final:",
		"1.\tDaniel Okoro\tJarrow & Hebburn AC\t51.88",
		"2.\tMatthew Craig\tGateshead Harriers\t52.40",
		"3.\tOwen Patel\tSunderland AC\t53.05",
		"Women's long jump:",
		"1.\tHannah Reeves\tMorpeth Harriers\t6.12m\t(+0.8)",
		"2.\tChloe Adams\tBlaydon AC\t5.98m\t(+1.4)",
		"3.\tAisha Bello\tGateshead Harriers\t5.91m\t(−0.3)",
		"Okoro's time was a championship best, taking 0.4 seconds off the mark set in 2019. He had been unsure whether to run at all after a hamstring strain in April, his coach said.",
		"Reeves jumped 6.12m in the fifth round after three no-jumps, a distance that would have placed her in the top ten at last year's national championships.",
		"About 1,800 spectators watched in bright sunshine, the largest crowd at the championships for a decade. The organisers said entries were up by 22% on last year, with the biggest rise in the under-17 events.",
		"Under-17 boys' 800m:\t1. Ryan Tait (Gateshead) 1:58.21\t2. Sam Hughes (Morpeth) 1:58.90\t3. Leo Grant (Blaydon) 2:00.04",
		"Under-17 girls' 800m:\t1. Isla Ford (Tyne Bridge) 2:12.45\t2. Maya Singh (Gateshead) 2:13.10\t3. Zoe Clark (Sunderland) 2:14.77",
		"Full results, including the heats, are on the North East Athletics website. Times are hand-checked against the photo finish before they are made official, which usually takes 48 hours.",
		"Clubs wishing to correct a result should write to the results secretary, giving the event, the athlete's name and bib number, and the time or distance they believe is right.",
		"The championships continue next Saturday at Monkton Stadium, Jarrow.   ",
	}
	return realPiece{
		name:     "CRLFAndTabs",
		remark:   "2.\tEllie Brown\tMorpeth Harriers",
		title:    "Athletics: Asante and Mwangi Win Regional Titles in Gateshead",
		byline:   "Results Service",
		brief:    "Kwame Asante won the 100m in 10.21; Grace Mwangi took the 1500m in 4:12.87.",
		body:     strings.Join(body[:6], "\r\n") + "\r\n\r\n\t\r\n" + strings.Join(body[6:], "\r\n") + "\r\n",
		paras:    body,
		topics:   []string{"Athletics", "Gateshead"},
		comment:  "Times\tchecked against the official results.",
		quotes:   []string{"I just ran my race,", "The time is a bonus.", "I could hear her coming,", "I did not look back."},
		speakers: []string{"Asante", "Asante", "Mwangi", "Mwangi"},
	}
}

func longTitlePiece() realPiece {
	title := "Council Approves £48m Plan to Rebuild Eastbridge Town Centre, Including 600 New Homes, a Covered Market, a Library, Two Schools, Wider Pavements, Protected Cycle Lanes, a Bus Station, a Health Centre and a Riverside Park, After Nine Years of Debate, Four Consultations and Three Rejected Designs"
	return realPiece{
		name:   "TitleAtTheLimit",
		remark: "voted 31 to 12 in favour",
		title:  title + strings.Repeat("!", 300-len([]rune(title))),
		byline: "Priya Raman, Local Democracy Reporter",
		brief:  "Eastbridge council approved the £48m town centre plan by 31 votes to 12.",
		body: lines(
			"Eastbridge council approved a £48m plan to rebuild the town centre on Wednesday night, ending nine years of argument over what should replace the 1960s shopping precinct.",
			"Councillors voted 31 to 12 in favour after a debate lasting more than four hours. The plan includes 600 homes, 180 of them for social rent, a covered market, a new library and two primary schools.",
			"“This is the most important decision this council has made in a generation,” said council leader Amira Khalid. “We have listened, we have changed the plan, and now we have to build it.”",
			"Opposition leader Gareth Pryce said the scheme was “too big, too tall and too expensive,” and warned that the £48m figure did not include the cost of moving the bus station.",
			"The precinct, built in 1964, has been half empty for a decade. Three earlier designs were rejected, two by the council and one by a government inspector in 2021.",
			"Work is due to start in spring 2026 and to finish in 2031.",
			"The vote came after a public meeting at the Corn Exchange on Monday at which more than 400 people queued in the rain to have their say. Most of the speakers were in favour, but many asked for the tallest block, of 14 storeys, to be cut down.",
			"The council's planning officer, Dominic Shaw, told councillors that the height had already been reduced twice. \"Every storey we take off is 20 homes we do not build,\" he said. \"The numbers have to add up, or nothing gets built at all.\"",
			"Traders in the precinct, some of whom have been there for 40 years, have been promised space in the covered market at the same rent for five years. Sandra Cole, who runs a haberdashery in the precinct, said she would believe it when she saw it. \"We have had promises before,\" she said. \"I have kept every leaflet.\"",
			"The £48m will come from three sources: £21m from the government's levelling-up fund, £15m borrowed by the council and £12m from the developer, Harbour Lane Homes, which will build and sell the private flats.",
			"Critics have questioned whether the council can afford to borrow. Its own finance report, published last month, said that repayments would take up about 4% of its budget for 30 years. The council's finance chief said that was \"affordable, but not without choices.\"",
			"The library, which will replace the one closed in 2019, will be on the ground floor of the tallest block, next to the new health centre. It will open seven days a week, the plan says, and include a children's library, study rooms and a cafe.",
			"The scheme also includes wider pavements on the High Street, protected cycle lanes on Station Road and a new bus station on the site of the old multi-storey car park, which will be demolished. The bus station is due to open first, in 2027.",
			"A government inspector must still approve the compulsory purchase of six buildings whose owners have refused to sell. An inquiry is expected in the autumn.",
			"Councillors from both sides agreed on one thing: the precinct cannot stay as it is. Its roof leaks, two of its three lifts do not work, and it costs the council £400,000 a year to keep open.",
			"Residents can see the plans, and the full list of conditions attached to them, at the library in Market Square and on the council's website until the end of June.",
		),
		topics:   []string{"Eastbridge", "Planning"},
		quotes:   []string{"This is the most important decision this council has made in a generation,", "We have listened, we have changed the plan, and now we have to build it.", "too big, too tall and too expensive,", "Every storey we take off is 20 homes we do not build,", "The numbers have to add up, or nothing gets built at all.", "We have had promises before,", "I have kept every leaflet.", "affordable, but not without choices."},
		speakers: []string{"Amira Khalid", "Amira Khalid", "Gareth Pryce", "Dominic Shaw", "Dominic Shaw", "Sandra Cole", "Sandra Cole", "The council's finance chief"},
	}
}

func quoteMarksPiece() realPiece {
	return realPiece{
		name:   "QuoteMarksOfManyKinds",
		remark: "He wrote 「出汁は時間」 on the whiteboard",
		title:  "\"Europe's Kitchen\": Five Chefs, Five Languages, One Festival",
		byline: "Marta Kowalczyk",
		brief:  "Chefs from five countries cooked together at the Lyon food festival on Saturday.",
		body: lines(
			"Five chefs from five countries shared one kitchen at the Lyon food festival on Saturday, and, as the organisers had hoped, argued about almost everything.",
			"\"Butter is not an ingredient, it is a philosophy,\" said Pierre Lambert, who has run his restaurant in the Croix-Rousse for 30 years.",
			"His Italian neighbour at the stove, Giulia Russo, disagreed. 'Olive oil first, always,' she said, pouring a generous glug. 'Butter is for cakes.'",
			"Pierre Lambert, pas du tout d'accord, a répondu en français : « C'est une question de climat, pas de goût. »",
			"The German chef, Jonas Becker, called the argument „typisch französisch“ and went back to his sauerkraut.",
			"Kenji Watanabe, who cooked a dashi from kombu brought from Hokkaido, was asked for his secret. He wrote 「出汁は時間」 on the whiteboard: stock is time.",
			"The fifth chef, Ana Costa from Lisbon, said the festival's slogan, \"cook together, eat together\", was \"more true than they know\".",
			"Some of the festival's own signs were less polished. One read \"Toilets this way and another, by the exit, read 'Thank you for coming\" in mismatched marks.",
			"A visitor from Leeds said she had come for the food and stayed for the \"free theatre.",
			"The cooking itself ran from 10am to 6pm on a stage in the Place Bellecour, with each chef given an hour alone and then, in the afternoon, two hours together to cook a single five-course menu for 200 ticket holders.",
			"The menu was a compromise: a dashi with Lyon's own quenelles, a risotto finished with both butter and olive oil, sauerkraut with Portuguese chouriço, and a tarte Tatin that Lambert refused to let anyone else touch.",
			"Tickets for the dinner, at €85 each, sold out in four minutes in March. Another 3,000 people watched the afternoon on big screens across the square, many of them eating from the street stalls that lined the Rue de la République.",
			"Costa, who trained in Paris and runs a small restaurant in Lisbon's Alfama district, said the hardest part was not the cooking but the talking. 'We have five languages and one whiteboard,' she said, laughing. 'The whiteboard won.'",
			"Watanabe, who speaks little English and less French, relied on his interpreter, Yuki Mori, for most of the day. She said he had found the argument about butter and oil very funny. \"In Japan we use neither, so he felt like the referee,\" she said.",
			"Becker was the quietest of the five. Asked afterwards what he had learnt, he thought for a long time and said only: „Mehr Zeit für die Brühe.“ More time for the stock, his interpreter explained, which is what Watanabe had written on the board.",
			"The festival's director, Claire Dubois, said 42,000 people had come through the gates. \"Next year, six chefs,\" she said.",
		),
		topics:   []string{"Food", "Lyon", "\"Festivals\""},
		comment:  "The 'five languages' are French, Italian, German, Japanese and Portuguese.",
		quotes:   []string{"Butter is not an ingredient, it is a philosophy,", "Olive oil first, always,", "Butter is for cakes.", "C'est une question de climat, pas de goût.", "typisch französisch", "出汁は時間", "cook together, eat together", "more true than they know", "Toilets this way and another, by the exit, read 'Thank you for coming", "We have five languages and one whiteboard,", "The whiteboard won.", "In Japan we use neither, so he felt like the referee,", "Mehr Zeit für die Brühe.", "Next year, six chefs,"},
		speakers: []string{"Pierre Lambert", "Giulia Russo", "Giulia Russo", "", "Jonas Becker", "Kenji Watanabe", "", "", "", "Costa", "Costa", "", "", "Claire Dubois"},
		problems: []string{"body: opening ' in paragraph 7 at position 111 never closes", "body: opening \" in paragraph 8 at position 71 never closes"},
	}
}
