"""Default health-education content for legache: why runners' legs ache.

Plain data, no Django. The slugs follow /work/shared/assessment-contract.md;
every name, summary, explanation, grade and reference is an editable default.

CAUSES and STRATEGIES: list order is display order.
    slug            stable identifier (contract)
    name / title    short heading (<= 60 characters)
    summary         one line (<= 200 characters)
    explanation     2-5 short plain-text paragraphs separated by a blank line
    evidence_grade  "supported" | "mixed" | "weak"
    references      1-3 published sources, Vancouver style

STRATEGY_FOR_CAUSE: (cause_slug, strategy_slug, why), why <= 250 characters.
Within each cause, the most relevant strategy comes first.

Written as general education for healthy adult runners, not medical advice.
"""

# ---------------------------------------------------------------- references
# Shared so that the same source is cited the same way everywhere.

BAUMERT_2016 = (
    "Baumert P, Lake MJ, Stewart CE, Drust B, Erskine RM. Genetic variation and "
    "exercise-induced muscle damage: implications for athletic performance, injury and "
    "ageing. Eur J Appl Physiol. 2016;116(9):1595-1625."
)
BROWN_2017 = (
    "Brown F, Gissane C, Howatson G, van Someren K, Pedlar C, Hill J. Compression "
    "garments and recovery from exercise: a meta-analysis. Sports Med. "
    "2017;47(11):2245-2267."
)
BUIST_2008 = (
    "Buist I, Bredeweg SW, van Mechelen W, Lemmink KA, Pepping GJ, Diercks RL. No effect "
    "of a graded training program on the number of running-related injuries in novice "
    "runners: a randomized controlled trial. Am J Sports Med. 2008;36(1):33-39."
)
BYRNES_1985 = (
    "Byrnes WC, Clarkson PM, White JS, Hsieh SS, Frykman PN, Maughan RJ. Delayed onset "
    "muscle soreness following repeated bouts of downhill running. J Appl Physiol. "
    "1985;59(3):710-715."
)
CASTELLANI_2006 = (
    "Castellani JW, Young AJ, Ducharme MB, Giesbrecht GG, Glickman E, Sallis RE. American "
    "College of Sports Medicine position stand: prevention of cold injuries during "
    "exercise. Med Sci Sports Exerc. 2006;38(11):2012-2029."
)
CHEUNG_2003 = (
    "Cheung K, Hume P, Maxwell L. Delayed onset muscle soreness: treatment strategies and "
    "performance factors. Sports Med. 2003;33(2):145-164."
)
DUPUY_2018 = (
    "Dupuy O, Douzi W, Theurot D, Bosquet L, Dugue B. An evidence-based approach for "
    "choosing post-exercise recovery techniques to reduce markers of muscle damage, "
    "soreness, fatigue, and inflammation: a systematic review with meta-analysis. "
    "Front Physiol. 2018;9:403."
)
FRADKIN_2010 = (
    "Fradkin AJ, Zazryn TR, Smoliga JM. Effects of warming-up on physical performance: a "
    "systematic review with meta-analysis. J Strength Cond Res. 2010;24(1):140-148."
)
FULLAGAR_2015 = (
    "Fullagar HH, Skorski S, Duffield R, Hammes D, Coutts AJ, Meyer T. Sleep and athletic "
    "performance: the effects of sleep loss on exercise performance, and physiological "
    "and cognitive responses to exercise. Sports Med. 2015;45(2):161-186."
)
GABBETT_2016 = (
    "Gabbett TJ. The training-injury prevention paradox: should athletes be training "
    "smarter and harder? Br J Sports Med. 2016;50(5):273-280."
)
HEIDERSCHEIT_2011 = (
    "Heiderscheit BC, Chumanov ES, Michalski MP, Wille CM, Ryan MB. Effects of step rate "
    "manipulation on joint mechanics during running. Med Sci Sports Exerc. "
    "2011;43(2):296-302."
)
HERBERT_2011 = (
    "Herbert RD, de Noronha M, Kamper SJ. Stretching to prevent or reduce muscle soreness "
    "after exercise. Cochrane Database Syst Rev. 2011;(7):CD004577."
)
HEW_BUTLER_2015 = (
    "Hew-Butler T, Rosner MH, Fowkes-Godek S, Dugas JP, Hoffman MD, Lewis DP, et al. "
    "Statement of the Third International Exercise-Associated Hyponatremia Consensus "
    "Development Conference, Carlsbad, California, 2015. Clin J Sport Med. "
    "2015;25(4):303-320."
)
HILL_2014 = (
    "Hill J, Howatson G, van Someren K, Leeder J, Pedlar C. Compression garments and "
    "recovery from exercise-induced muscle damage: a meta-analysis. Br J Sports Med. "
    "2014;48(18):1340-1346."
)
LAW_HERBERT_2007 = (
    "Law RY, Herbert RD. Warm-up reduces delayed onset muscle soreness but cool-down does "
    "not: a randomised controlled trial. Aust J Physiother. 2007;53(2):91-95."
)
MCHUGH_2003 = (
    "McHugh MP. Recent advances in the understanding of the repeated bout effect: the "
    "protective effect against muscle damage from a single bout of eccentric exercise. "
    "Scand J Med Sci Sports. 2003;13(2):88-97."
)
MOUNTJOY_2018 = (
    "Mountjoy M, Sundgot-Borgen JK, Burke LM, Ackerman KE, Blauwet C, Constantini N, et al. "
    "IOC consensus statement on relative energy deficiency in sport (RED-S): 2018 update. "
    "Br J Sports Med. 2018;52(11):687-697."
)
NIELSEN_2014 = (
    "Nielsen RO, Parner ET, Nohr EA, Sorensen H, Lind M, Rasmussen S. Excessive "
    "progression in weekly running distance and risk of running-related injuries: an "
    "association which varies according to type of injury. J Orthop Sports Phys Ther. "
    "2014;44(10):739-747."
)
RACINAIS_2010 = (
    "Racinais S, Oksa J. Temperature and neuromuscular function. Scand J Med Sci Sports. "
    "2010;20(Suppl 3):1-18."
)
RANCHORDAS_2017 = (
    "Ranchordas MK, Rogerson D, Soltani H, Costello JT. Antioxidants for preventing and "
    "reducing muscle soreness after exercise. Cochrane Database Syst Rev. "
    "2017;(12):CD009789."
)
RIDGE_2013 = (
    "Ridge ST, Johnson AW, Mitchell UH, Hunter I, Robinson E, Rich BS, et al. Foot bone "
    "marrow edema after a 10-wk transition to minimalist running shoes. Med Sci Sports "
    "Exerc. 2013;45(7):1363-1368."
)
SAWKA_2007 = (
    "Sawka MN, Burke LM, Eichner ER, Maughan RJ, Montain SJ, Stachenfeld NS. American "
    "College of Sports Medicine position stand. Exercise and fluid replacement. Med Sci "
    "Sports Exerc. 2007;39(2):377-390."
)
SCHWANE_1983 = (
    "Schwane JA, Johnson SR, Vandenakker CB, Armstrong RB. Delayed-onset muscular soreness "
    "and plasma CPK and LDH activities after downhill running. Med Sci Sports Exerc. "
    "1983;15(1):51-56."
)
SCHWELLNUS_2009 = (
    "Schwellnus MP. Cause of exercise associated muscle cramps (EAMC): altered "
    "neuromuscular control, dehydration or electrolyte depletion? Br J Sports Med. "
    "2009;43(6):401-408."
)
SCHWELLNUS_2011 = (
    "Schwellnus MP, Drew N, Collins M. Increased running speed and previous cramps rather "
    "than dehydration or serum sodium changes predict exercise-associated muscle "
    "cramping: a prospective cohort study in 210 Ironman triathletes. Br J Sports Med. "
    "2011;45(8):650-656."
)
THOMAS_2016 = (
    "Thomas DT, Erdman KA, Burke LM. American College of Sports Medicine joint position "
    "statement. Nutrition and athletic performance. Med Sci Sports Exerc. "
    "2016;48(3):543-568."
)

# -------------------------------------------------------------------- causes

CAUSES = [
    {
        "slug": "overuse",
        "name": "Too much, too soon",
        "summary": (
            "Running further, faster or more often than your legs are used to, without "
            "enough recovery, is the most common reason legs ache and get injured."
        ),
        "explanation": (
            "Running makes muscles, tendons and bones stronger, but they adapt more slowly "
            "than your heart and lungs. Add distance, speed or extra runs faster than they "
            "can keep up and you get aching legs and, sometimes, an overuse injury such as "
            "shin pain, a sore Achilles or a bone stress injury."
            "\n\n"
            "The evidence backs the general idea better than any exact rule. Sudden jumps "
            "in training load, compared with your last few weeks, go with more injuries, "
            "mostly shown in team-sport athletes (Gabbett 2016). Novice runners who raised "
            "their weekly distance by more than 30% over two weeks had somewhat more "
            "injuries such as knee and shin pain than those who kept it under 10%, though "
            "the result was borderline (Nielsen et al. 2014)."
            "\n\n"
            "The popular '10% a week' rule is a rule of thumb, not a proven limit. A trial "
            "that built novice runners up by 10% a week found no fewer injuries than a "
            "quicker standard plan (Buist et al. 2008)."
            "\n\n"
            "A dull ache in both legs that fades over a few days is usually normal. See a "
            "GP or physiotherapist if pain is sharp, sits on one spot of a bone, hurts at "
            "rest or at night, makes you limp, or gets worse with each run. These can be "
            "signs of a stress fracture or tendon injury, which need rest, not running "
            "through."
        ),
        "evidence_grade": "supported",
        "references": [GABBETT_2016, NIELSEN_2014, BUIST_2008],
    },
    {
        "slug": "dehydration",
        "name": "Not drinking enough",
        "summary": (
            "Losing a lot of fluid makes running feel harder, especially in heat, but "
            "there is little evidence that mild dehydration causes next-day muscle ache."
        ),
        "explanation": (
            "The idea that dehydration causes cramps, stiffness and soreness is common, "
            "but the evidence is weaker than that. Losing more than about 2% of your body "
            "weight in sweat can make running feel harder and slow you down, especially in "
            "the heat (Sawka et al. 2007). Studies have found little link between "
            "dehydration and next-day soreness."
            "\n\n"
            "The link with cramps is weak too. In a study of Ironman triathletes, those who "
            "cramped had lost no more body weight than those who didn't (Schwellnus et al. "
            "2011). Cramps seem to have more to do with tired muscles working harder than "
            "usual. A few studies do find dehydration more often in people who cramp, so "
            "the question isn't completely settled."
            "\n\n"
            "Drinking too much is a real risk as well. Drinking far more than you sweat, "
            "especially over long, slow events, can dilute the sodium in your blood "
            "(hyponatraemia), which can be dangerous. Experts now advise drinking to thirst "
            "rather than to a schedule (Hew-Butler et al. 2015)."
            "\n\n"
            "Get urgent medical help for headache, confusion, vomiting or puffy hands and "
            "feet during or after a long run, especially if you have drunk a lot. Dark "
            "brown or cola-coloured urine with severe muscle pain is an emergency: it can "
            "mean serious muscle breakdown, not simple dehydration."
        ),
        "evidence_grade": "weak",
        "references": [SAWKA_2007, SCHWELLNUS_2011, HEW_BUTLER_2015],
    },
    {
        "slug": "nutrition",
        "name": "Not eating enough to fuel and repair",
        "summary": (
            "Too little food overall, or too little carbohydrate or protein, can leave you "
            "tired and slow to recover. No single food or supplement prevents soreness."
        ),
        "explanation": (
            "Carbohydrate is your muscles' main fuel on longer or harder runs, and protein "
            "provides the building blocks for repair. Often running on empty, or eating "
            "too little overall, can make sessions feel heavier and recovery slower "
            "(Thomas et al. 2016)."
            "\n\n"
            "The evidence is clearest for the big picture. Eating enough in total matters "
            "most. Regularly eating too little for the training you do is linked to "
            "hormone changes, poorer recovery and a higher risk of bone stress injuries, "
            "in men as well as women (Mountjoy et al. 2018)."
            "\n\n"
            "For soreness itself, food makes less difference than the article suggests. "
            "Protein timing and recovery products have small, inconsistent effects, and "
            "high-dose antioxidant supplements don't reduce soreness by an amount you would "
            "notice (Ranchordas et al. 2017)."
            "\n\n"
            "See a GP or sports dietitian if you are losing weight without meaning to, feel "
            "tired all the time, have missed or irregular periods, or have had a stress "
            "fracture. These can be signs of under-fuelling that need more than a diet "
            "tweak."
        ),
        "evidence_grade": "mixed",
        "references": [THOMAS_2016, MOUNTJOY_2018, RANCHORDAS_2017],
    },
    {
        "slug": "form",
        "name": "Running form and sudden changes",
        "summary": (
            "Overstriding, form that falls apart when you tire, or a sudden switch of shoes "
            "or technique can shift load onto parts of your legs that aren't ready for it."
        ),
        "explanation": (
            "There is no single correct way to run, and most runners don't need to rebuild "
            "their style. What matters more is how your legs are loaded, and whether that "
            "load has changed suddenly."
            "\n\n"
            "Overstriding, where your foot lands well ahead of your body, tends to increase "
            "braking and the load on your knees and hips. In a lab study, taking slightly "
            "shorter, quicker steps (5-10% more steps a minute at the same pace) reduced "
            "the load at the knee and hip (Heiderscheit et al. 2011). It measured joint "
            "forces, not injuries, so treat it as a sensible tweak rather than a cure."
            "\n\n"
            "Sudden changes move the load around. Switching to minimalist shoes or to "
            "landing on your forefoot puts more work on the calves, Achilles and foot "
            "bones. Runners who moved into minimalist shoes over 10 weeks showed more signs "
            "of bone stress in the foot than those who kept their usual shoes (Ridge et al. "
            "2013). Make any change gradually. Breathing technique, which the article "
            "mentions, has no known link to leg soreness."
            "\n\n"
            "If the same spot keeps hurting, or pain is in one leg only and getting worse, "
            "see a physiotherapist who can look at your running."
        ),
        "evidence_grade": "mixed",
        "references": [HEIDERSCHEIT_2011, RIDGE_2013],
    },
    {
        "slug": "genetics",
        "name": "Genes and individual differences",
        "summary": (
            "Some people get sorer and recover more slowly than others after the same run. "
            "Genes play a part, but you can't change them and gene tests don't help yet."
        ),
        "explanation": (
            "Two runners can do the same session and feel very different two days later. "
            "Studies of unaccustomed exercise find big differences between people in "
            "soreness and muscle damage, and some of that seems to be inherited. Age "
            "matters too: older people tend to have more damage and need longer to recover "
            "(Baumert et al. 2016)."
            "\n\n"
            "A handful of gene variants have been linked to more muscle damage or slower "
            "recovery, but the effects are small and the research is at an early stage. "
            "Gene tests sold to athletes aren't yet useful for planning training, and there "
            "is no good evidence behind the article's idea that low antioxidant levels are "
            "the reason."
            "\n\n"
            "The practical takeaway: if you recover slowly, build up more gradually, leave "
            "more easy days between hard sessions and protect your sleep. Compare yourself "
            "with your own past training, not with your friends."
            "\n\n"
            "Unusually severe or long-lasting pain after ordinary runs isn't explained by "
            "'bad genes'. If it happens often, or muscle pain comes with weakness or dark "
            "urine, see a GP: some medical conditions and medicines (statins, for example) "
            "can cause muscle problems."
        ),
        "evidence_grade": "mixed",
        "references": [BAUMERT_2016],
    },
    {
        "slug": "cold",
        "name": "Cold weather",
        "summary": (
            "Cold muscles are stiffer and weaker until they warm up. There is little direct "
            "evidence that cold causes soreness, but a longer warm-up helps."
        ),
        "explanation": (
            "The article blames narrowed blood vessels cutting blood flow to the legs. In "
            "the cold your body does send less blood to the skin, but once you are running, "
            "working leg muscles get plenty of blood and warm up quickly. The first few "
            "minutes, and stopping outside afterwards, are when cold matters most."
            "\n\n"
            "Cold muscles contract more slowly and less forcefully and feel stiffer. Short, "
            "powerful efforts lose a few per cent for every degree the muscle is cooler "
            "(Racinais and Oksa 2010). A cold start can feel awkward and may change how "
            "your legs take the load."
            "\n\n"
            "There is little direct research on whether cold weather itself causes delayed "
            "soreness. Warming up does seem to help a little: in one trial, 10 minutes of "
            "warm-up before an unaccustomed downhill session slightly reduced soreness two "
            "days later (Law and Herbert 2007)."
            "\n\n"
            "Seek medical advice for numbness, skin that turns white, grey or waxy, or "
            "tingling that doesn't settle once you are warm. These can be signs of a cold "
            "injury (Castellani et al. 2006)."
        ),
        "evidence_grade": "weak",
        "references": [RACINAIS_2010, LAW_HERBERT_2007, CASTELLANI_2006],
    },
    {
        "slug": "electrolytes",
        "name": "Salt loss and cramps",
        "summary": (
            "Heavy sweating loses salt, but blood salt levels rarely explain cramps or "
            "soreness. Cramps are now thought to be mainly a tired-muscle problem."
        ),
        "explanation": (
            "Sodium, potassium, magnesium and calcium all matter for nerves and muscles, "
            "and you lose some sodium in sweat. It seems natural that losing them causes "
            "cramps and aching, as the article says. For healthy runners, the evidence "
            "mostly doesn't support it."
            "\n\n"
            "In Ironman triathletes, those who cramped had the same blood salt levels as "
            "those who didn't. The best predictors were going faster than usual and a "
            "history of cramping (Schwellnus et al. 2011). The leading explanation is that "
            "fatigue upsets the nerve signals controlling a muscle, so it fires when it "
            "shouldn't (Schwellnus 2009). That is why gently stretching a cramping muscle "
            "usually eases it quickly."
            "\n\n"
            "Salt still has a place. On runs over about 90 minutes or in heat, and "
            "especially if you are a heavy, salty sweater, taking some salt with your "
            "fluids is sensible (Sawka et al. 2007). Just don't expect it to stop every "
            "cramp."
            "\n\n"
            "See a GP if you often cramp at rest or at night, if cramps come with weakness, "
            "or if you take medicines such as diuretics ('water tablets'). Get urgent help "
            "for confusion, vomiting or a severe headache after a long event."
        ),
        "evidence_grade": "weak",
        "references": [SCHWELLNUS_2009, SCHWELLNUS_2011, SAWKA_2007],
    },
    {
        "slug": "eccentric_load",
        "name": "Downhill and unaccustomed running",
        "summary": (
            "Muscles working while being stretched, as when braking downhill, cause most "
            "delayed soreness. It peaks 1-3 days later and is not caused by lactic acid."
        ),
        "explanation": (
            "This is the main cause the article misses. Running downhill, your thigh "
            "muscles act as brakes: they are being stretched while they contract "
            "(eccentric work). This causes tiny areas of damage and a repair response that "
            "leaves the muscle tender and stiff a day or two later. That is delayed-onset "
            "muscle soreness, or DOMS."
            "\n\n"
            "In a classic study, 45 minutes of downhill running caused clear soreness in "
            "the thighs, buttocks and lower legs, while harder running on the flat caused "
            "none worth measuring (Schwane et al. 1983). Anything new to your legs, such as "
            "a longer race, faster intervals, stairs or a new sport, can do the same."
            "\n\n"
            "DOMS is not caused by lactic acid. Lactate clears from the muscles within an "
            "hour or so of stopping, long before the soreness starts (Cheung et al. 2003). "
            "Soreness usually peaks 24-72 hours after the run and fades within about 5-7 "
            "days."
            "\n\n"
            "The good news: one bout makes your muscles much more resistant to the same "
            "exercise for several weeks. This is called the repeated-bout effect (McHugh "
            "2003)."
            "\n\n"
            "Get urgent help for severe pain and swelling, marked weakness, or dark brown "
            "or cola-coloured urine after hard exercise, which can signal serious muscle "
            "breakdown (rhabdomyolysis). See a GP or physiotherapist if soreness hasn't "
            "eased after a week."
        ),
        "evidence_grade": "supported",
        "references": [SCHWANE_1983, CHEUNG_2003, MCHUGH_2003],
    },
]

# ---------------------------------------------------------------- strategies

STRATEGIES = [
    {
        "slug": "hydrate",
        "title": "Drink to thirst",
        "summary": (
            "Drink when you're thirsty, a bit more in heat and on long runs, and don't "
            "force down extra. Overdrinking can be dangerous."
        ),
        "explanation": (
            "For most runs under an hour in mild weather you don't need to drink on the "
            "run. Drink with meals and afterwards, and let thirst guide you."
            "\n\n"
            "Drink more in hot or humid weather, and carry fluid or plan stops for longer "
            "runs, especially in heat. Large losses of sweat make running harder and "
            "increase heat strain (Sawka et al. 2007)."
            "\n\n"
            "Don't drink to a fixed schedule or try to 'stay ahead' of thirst, and you "
            "shouldn't finish a race heavier than you started. Drinking far more than you "
            "sweat can dilute the sodium in your blood (hyponatraemia), which has caused "
            "collapses and deaths at marathons. Slower runners in long events are most at "
            "risk (Hew-Butler et al. 2015)."
            "\n\n"
            "Be realistic: drinking well helps you feel and run better, especially in the "
            "heat, but it won't prevent next-day soreness. Get urgent help for confusion, "
            "vomiting, a severe headache or swelling after a long event."
        ),
        "evidence_grade": "mixed",
        "references": [HEW_BUTLER_2015, SAWKA_2007],
    },
    {
        "slug": "balanced_diet",
        "title": "Eat enough, with carbs and protein",
        "summary": (
            "Eat enough overall for your training, with carbohydrate to fuel harder runs "
            "and protein spread through the day. Recovery supplements add little."
        ),
        "explanation": (
            "The foundation is eating enough in total. If you have stepped up your "
            "training, your portions usually need to rise too."
            "\n\n"
            "Carbohydrate (bread, rice, pasta, potatoes, oats, fruit) fuels longer and "
            "harder runs; eat more on heavy days. Protein (meat, fish, eggs, dairy, beans, "
            "lentils, tofu) supports repair; guidelines suggest about 1.2-2.0 g per kg of "
            "body weight a day for athletes, spread across meals (Thomas et al. 2016). A "
            "meal or snack with both within a couple of hours of a hard run is a good habit."
            "\n\n"
            "Don't expect food to switch off soreness. High-dose antioxidant supplements, "
            "such as vitamin C or E, don't reduce it by a noticeable amount (Ranchordas et "
            "al. 2017). A varied diet does more than special products."
            "\n\n"
            "See a GP or sports dietitian if you are losing weight without meaning to, feel "
            "drained all the time, have missed periods or have had a bone stress injury. "
            "These can point to under-fuelling (Mountjoy et al. 2018)."
        ),
        "evidence_grade": "mixed",
        "references": [THOMAS_2016, MOUNTJOY_2018, RANCHORDAS_2017],
    },
    {
        "slug": "warm_up_cool_down",
        "title": "Warm up; don't count on stretching",
        "summary": (
            "Start each run with 5-10 minutes of brisk walking or easy jogging. Warming up "
            "helps you run comfortably, but stretching does not prevent soreness."
        ),
        "explanation": (
            "A warm-up raises muscle temperature and makes the first part of a run feel "
            "easier. Start with 5-10 minutes of brisk walking or very easy jogging, and add "
            "a few leg swings, skips or short strides before a hard session. Warm-ups "
            "improve performance in most studies (Fradkin et al. 2010)."
            "\n\n"
            "A warm-up may also slightly reduce soreness after unaccustomed exercise. In "
            "one trial, a 10-minute warm-up before a downhill session cut soreness a little "
            "two days later, while a cool-down afterwards made no difference (Law and "
            "Herbert 2007)."
            "\n\n"
            "The article recommends static stretching before and after runs. The best "
            "evidence says it does little or nothing for soreness: a Cochrane review of 12 "
            "trials, one with over 2,000 people, found stretching reduced soreness by a few "
            "points at most on a 100-point scale (Herbert et al. 2011). Stretch if you "
            "enjoy it or want more flexibility, but don't rely on it to stop aching legs."
            "\n\n"
            "A gentle walk to finish is fine and helps you settle, but it isn't a proven "
            "way to prevent soreness. If pain gets worse as you warm up or makes you stop, "
            "get it checked by a physiotherapist."
        ),
        "evidence_grade": "mixed",
        "references": [HERBERT_2011, LAW_HERBERT_2007, FRADKIN_2010],
    },
    {
        "slug": "flat_surfaces",
        "title": "Run flat while sore, then add hills back",
        "summary": (
            "While your legs are sore, keep runs easy and flat, or cross-train. Don't avoid "
            "hills for good: bring them back in small doses so your legs adapt."
        ),
        "explanation": (
            "Downhills load the thigh muscles far more than flat running (Schwane et al. "
            "1983). Easy running on the flat, or cycling, swimming or walking, lets sore "
            "muscles recover while you keep moving. Gentle exercise often eases DOMS for a "
            "while, though the relief is temporary (Cheung et al. 2003)."
            "\n\n"
            "Smooth, even ground also lowers the chance of turning an ankle on tired legs. "
            "Softer surfaces aren't proven to prevent injury, so pick what feels "
            "comfortable."
            "\n\n"
            "The article says to avoid hills and uneven ground. That's good advice while "
            "you're sore, but avoiding them for good leaves your legs unprepared for the "
            "hills you'll meet in races and on holiday. A first dose of downhill running "
            "protects your muscles against the next one for several weeks (Byrnes et al. "
            "1985), so build hills and trails back in gradually: see 'Build up downhills in "
            "small doses'."
            "\n\n"
            "If easy flat running still hurts after a week, or the pain is in one spot, see "
            "a physiotherapist."
        ),
        "evidence_grade": "mixed",
        "references": [SCHWANE_1983, BYRNES_1985, CHEUNG_2003],
    },
    {
        "slug": "gradual_increase",
        "title": "Build up gradually",
        "summary": (
            "Increase distance, speed and number of runs step by step, change one thing at "
            "a time, and take an easier week every few weeks."
        ),
        "explanation": (
            "Your heart and lungs adapt within weeks; tendons and bones take months. "
            "Increase one thing at a time (distance, pace, hills or number of runs) and "
            "keep most runs easy."
            "\n\n"
            "Avoid big jumps compared with your recent weeks. Sudden spikes in load go with "
            "more injuries (Gabbett 2016), and novice runners who raised their weekly "
            "distance by more than 30% in two weeks had somewhat more knee and shin "
            "problems than those who stayed under 10%, a borderline result (Nielsen et al. "
            "2014)."
            "\n\n"
            "The '10% a week' rule is a handy rule of thumb, not a proven limit: novices "
            "following a 10%-a-week plan got injured just as often as those on a quicker "
            "plan (Buist et al. 2008). Take an easier week every few weeks, restart below "
            "your old level after a break, and change shoes or technique gradually too."
            "\n\n"
            "If pain returns at the same point in every build-up, or is sharp, on one spot "
            "of a bone, or worse each run, stop increasing and see a GP or physiotherapist."
        ),
        "evidence_grade": "mixed",
        "references": [GABBETT_2016, NIELSEN_2014, BUIST_2008],
    },
    {
        "slug": "compression",
        "title": "Compression socks and tights",
        "summary": (
            "Compression garments may ease soreness a little after hard or long runs. The "
            "benefit is small, so wear them if they feel good, not instead of resting."
        ),
        "explanation": (
            "Compression garments squeeze the leg, which may limit swelling and muscle "
            "movement. Pooled studies suggest that wearing them after muscle-damaging "
            "exercise reduces soreness a little over the following days (Hill et al. 2014; "
            "Dupuy et al. 2018) and slightly speeds the return of strength and performance "
            "(Brown et al. 2017)."
            "\n\n"
            "The effects are small and studies used different garments and pressures. "
            "People always know whether they are wearing compression, so some of the "
            "benefit may be expectation. Exactly how they work is still debated."
            "\n\n"
            "For most healthy runners they are low-risk, so use them if they feel good, but "
            "they don't replace easing off your training. They should not cause numbness, "
            "tingling or marks that last."
            "\n\n"
            "Check with a GP before using compression if you have diabetes or poor "
            "circulation in your legs. A calf that is swollen, warm and painful on one side "
            "needs urgent medical assessment, not compression, as it may be a blood clot."
        ),
        "evidence_grade": "mixed",
        "references": [HILL_2014, BROWN_2017, DUPUY_2018],
    },
    {
        "slug": "rest_recovery",
        "title": "Rest, sleep and easy days",
        "summary": (
            "Sleep 7-9 hours, keep easy days easy and give sore legs time. Soreness usually "
            "peaks 24-72 hours after a run and fades within about 5-7 days."
        ),
        "explanation": (
            "Time is the one treatment that always works for DOMS. Soreness usually peaks "
            "24-72 hours after the run and fades within about 5-7 days (Cheung et al. "
            "2003). Walking, cycling or an easy jog are usually fine; save hard sessions "
            "until the soreness has mostly gone."
            "\n\n"
            "Sleep supports recovery. Aim for 7-9 hours a night; short or broken sleep is "
            "linked to poorer performance and recovery (Fullagar et al. 2015). Plan at "
            "least one or two rest or very easy days a week, more if you are new to running."
            "\n\n"
            "Of the hands-on recovery methods, massage came out best for soreness and "
            "fatigue in a large meta-analysis, with compression and cold-water immersion "
            "helping a little (Dupuy et al. 2018). Many of the studies were small, so "
            "expect modest effects."
            "\n\n"
            "See a GP or physiotherapist if soreness hasn't clearly improved after a week, "
            "keeps getting worse, is in one spot or one leg only, or comes with swelling, "
            "fever or dark urine."
        ),
        "evidence_grade": "supported",
        "references": [CHEUNG_2003, FULLAGAR_2015, DUPUY_2018],
    },
    {
        "slug": "electrolyte_plan",
        "title": "Salt and fluids on long or hot runs",
        "summary": (
            "On runs over about 90 minutes, in heat, or if you sweat heavily and saltily, "
            "take some salt with your fluids. Don't expect it to prevent every cramp."
        ),
        "explanation": (
            "Most runs under about 90 minutes need no special electrolyte plan: your normal "
            "meals replace what you lose."
            "\n\n"
            "For longer runs, hot days, or if you are a heavy, salty sweater (white, gritty "
            "marks on your kit or cap), take a sports drink, electrolyte tablets or salty "
            "snacks along with your fluids. Sodium is the one that matters most (Sawka et "
            "al. 2007). Try your plan in training, not for the first time on race day."
            "\n\n"
            "Be realistic about cramps. They are linked mainly to fatigue and to running "
            "harder or longer than you are used to, not to low blood salts (Schwellnus "
            "2009). Sensible pacing and training for the distance probably do more than "
            "extra electrolytes. If a cramp hits, slow down and gently stretch the muscle."
            "\n\n"
            "Salt doesn't protect you from overdrinking: even sports drinks can lead to "
            "hyponatraemia if you drink far more than you sweat (Hew-Butler et al. 2015). "
            "Get urgent help for confusion, vomiting or a severe headache during or after a "
            "long event, and see a GP if cramps are frequent or happen at rest."
        ),
        "evidence_grade": "weak",
        "references": [SAWKA_2007, SCHWELLNUS_2009, HEW_BUTLER_2015],
    },
    {
        "slug": "dress_for_cold",
        "title": "Dress for the cold and warm up longer",
        "summary": (
            "Wear layers, cover your legs below about 5 °C, and warm up for longer, "
            "ideally starting indoors. Change out of damp kit soon after."
        ),
        "explanation": (
            "Wear layers you can unzip or take off: a sweat-wicking base layer, a light "
            "warm layer and a wind- or rainproof shell when needed. A hat and gloves make a "
            "big difference. Below about 5 °C, or in a cold wind, wear running tights to "
            "keep your leg muscles warm. Feeling slightly cool for the first few minutes is "
            "about right."
            "\n\n"
            "Warm up for longer in the cold: 10-15 minutes of easy movement, perhaps "
            "starting indoors, before any fast running, and build your pace gradually. Cold "
            "muscles are stiffer and weaker until they warm up (Racinais and Oksa 2010)."
            "\n\n"
            "Afterwards, get out of sweaty kit and into dry, warm clothes quickly, because "
            "you cool fast once you stop (Castellani et al. 2006). In fairness, this is "
            "sensible and cheap, but there is little direct research showing it prevents "
            "soreness."
            "\n\n"
            "If fingers, toes or skin go numb, white or waxy, stop and warm up, and seek "
            "medical advice if feeling doesn't return to normal once you are warm."
        ),
        "evidence_grade": "weak",
        "references": [CASTELLANI_2006, RACINAIS_2010],
    },
    {
        "slug": "repeated_bout",
        "title": "Build up downhills in small doses",
        "summary": (
            "A small first dose of downhill or other unaccustomed running protects your "
            "legs against the next one for weeks. Start short and repeat regularly."
        ),
        "explanation": (
            "Muscles adapt quickly to braking work. After one bout of downhill running, "
            "repeating it a few weeks later causes much less soreness and muscle damage. In "
            "one study the protection lasted up to about six weeks and had faded by nine "
            "(Byrnes et al. 1985). This is the repeated-bout effect (McHugh 2003)."
            "\n\n"
            "Use it on purpose. If a hilly race or trail trip is coming up, add a few short, "
            "gentle descents to easy runs several weeks beforehand, then keep a little "
            "downhill running in your week to hold on to the protection. Even a fairly "
            "small first dose seems to protect, so start shorter and gentler than you think "
            "you need."
            "\n\n"
            "The same goes for anything new: faster intervals, longer runs, stairs or a new "
            "sport. Expect some soreness after the first session, keep it short, and the "
            "next one will usually be easier."
            "\n\n"
            "A first dose should leave you mildly sore at most. Severe pain, swelling, "
            "marked weakness or dark urine after a hard downhill session needs urgent "
            "medical help."
        ),
        "evidence_grade": "supported",
        "references": [BYRNES_1985, MCHUGH_2003],
    },
]

# ------------------------------------------------- which strategy helps which

STRATEGY_FOR_CAUSE = [
    # overuse
    (
        "overuse",
        "gradual_increase",
        "Raising distance and pace in small steps gives muscles, tendons and bones time "
        "to adapt, so load doesn't outrun what your legs can take.",
    ),
    (
        "overuse",
        "rest_recovery",
        "Rest days and good sleep are when your legs repair and adapt; without them, "
        "training stress piles up into aches and overuse injuries.",
    ),
    (
        "overuse",
        "flat_surfaces",
        "Easy, flat runs while your legs are sore keep you moving without adding the "
        "extra load of hills and rough ground.",
    ),
    # dehydration
    (
        "dehydration",
        "hydrate",
        "Drinking to thirst, and a bit more in heat, avoids the large fluid losses that "
        "make running harder, without the risk of overdrinking.",
    ),
    (
        "dehydration",
        "electrolyte_plan",
        "On long or hot runs, taking salt with your fluids replaces what heavy sweating loses.",
    ),
    # nutrition
    (
        "nutrition",
        "balanced_diet",
        "Enough total food, with carbohydrate to fuel runs and protein for repair, gives "
        "your legs what they need to recover.",
    ),
    (
        "nutrition",
        "rest_recovery",
        "Repair happens between runs; good sleep and easy days give the food you eat "
        "time to do its work.",
    ),
    # form
    (
        "form",
        "gradual_increase",
        "Changing shoes, foot strike or step rate shifts load to new places; doing it "
        "gradually lets those tissues catch up.",
    ),
    (
        "form",
        "warm_up_cool_down",
        "A proper warm-up helps you run relaxed and smooth from the start, rather than "
        "stiff and overstriding.",
    ),
    # genetics
    (
        "genetics",
        "rest_recovery",
        "If you naturally recover slowly, more sleep and extra easy days between hard "
        "sessions is the lever you can actually pull.",
    ),
    (
        "genetics",
        "gradual_increase",
        "Slow recoverers do best with smaller steps up in training and easier weeks more often.",
    ),
    # cold
    (
        "cold",
        "dress_for_cold",
        "Layers and leg cover keep your muscles warm, supple and working normally in cold weather.",
    ),
    (
        "cold",
        "warm_up_cool_down",
        "A longer, gentler warm-up raises muscle temperature before you ask your legs for effort.",
    ),
    # electrolytes
    (
        "electrolytes",
        "electrolyte_plan",
        "On long or hot runs, or if you sweat heavily, salt with your fluids covers real "
        "losses, though it won't stop every cramp.",
    ),
    (
        "electrolytes",
        "hydrate",
        "Drinking to thirst keeps fluid and salt in balance; overdrinking dilutes your "
        "blood sodium instead of helping.",
    ),
    (
        "electrolytes",
        "gradual_increase",
        "Cramps are linked to running faster or longer than you're trained for, so "
        "building up to race effort is likely to help more than extra salt.",
    ),
    # eccentric_load
    (
        "eccentric_load",
        "repeated_bout",
        "A small first dose of downhill running protects your muscles against much of the "
        "damage and soreness from the next one for several weeks.",
    ),
    (
        "eccentric_load",
        "flat_surfaces",
        "While sore, flat running avoids the braking work that caused the soreness; then "
        "bring hills back gradually.",
    ),
    (
        "eccentric_load",
        "rest_recovery",
        "Delayed soreness settles with time; easy days and good sleep let the muscle "
        "repair before the next hard session.",
    ),
    (
        "eccentric_load",
        "compression",
        "Compression worn after hard or downhill runs may reduce soreness a little over "
        "the next few days.",
    ),
    (
        "eccentric_load",
        "warm_up_cool_down",
        "A warm-up before unaccustomed downhill exercise slightly reduced soreness in one "
        "trial, whereas stretching does little or nothing for it.",
    ),
]
