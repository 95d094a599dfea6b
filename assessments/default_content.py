"""Default health-education content for legache: why runners' legs ache.

Plain data, no Django. The slugs follow /work/shared/assessment-contract.md;
every name, summary, explanation, grade and reference is an editable default.

CAUSES and STRATEGIES: list order is display order.
    slug               stable identifier (contract)
    name / title       short heading (<= 60 characters)
    summary            one line (<= 200 characters)
    explanation        2-5 short plain-text paragraphs separated by a blank line
    evidence_grade     "supported" | "mixed" | "weak"
    references         the published sources the text cites, Vancouver style
CAUSES only:
    first_step         one line (<= 200 characters): what to do now when this is the most
                       likely cause and there is no warning sign
    secondary          True: only a contributing factor, never ranked first while another
                       cause has points
    only_with          [(question_slug, choice_slug)]: the cause scores only when one of these
                       answers was given ([] = always)
STRATEGIES only:
    safe_with_warning  True: kept (for after a clinician's all-clear) beside a warning sign at
                       "soon" level; only for what never keeps a runner running or loading a
                       sore spot. Never True for compression, repeated_bout or flat_surfaces.

STRATEGY_FOR_CAUSE: (cause_slug, strategy_slug, why), why <= 250 characters.
Within each cause, the most relevant strategy comes first.

Levels of care for warning signs (contract): emergency = call emergency services or go to an
emergency department now; urgent = be seen the same day (GP, urgent care or a telephone health
line); soon = stop running and book a GP or physiotherapist within days. No text here may
give a lower level for a sign than that.

When a text says when to see someone about soreness that is not easing, it uses one time
frame: "no better after 5 days, or getting worse" (NHS inform), at the 'soon' level.

No text here refers to an outside article: the site stands on its own.

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
    "runners: a randomized controlled trial. Am J Sports Med. 2008;36(1):33-39. "
    "doi:10.1177/0363546507307505"
)
BYRNES_1985 = (
    "Byrnes WC, Clarkson PM, White JS, Hsieh SS, Frykman PN, Maughan RJ. Delayed onset "
    "muscle soreness following repeated bouts of downhill running. J Appl Physiol. "
    "1985;59(3):710-715. doi:10.1152/jappl.1985.59.3.710"
)
CASTELLANI_2006 = (
    "Castellani JW, Young AJ, Ducharme MB, Giesbrecht GG, Glickman E, Sallis RE. American "
    "College of Sports Medicine position stand: prevention of cold injuries during "
    "exercise. Med Sci Sports Exerc. 2006;38(11):2012-2029."
)
CHEUNG_2003 = (
    "Cheung K, Hume P, Maxwell L. Delayed onset muscle soreness: treatment strategies and "
    "performance factors. Sports Med. 2003;33(2):145-164. "
    "doi:10.2165/00007256-200333020-00005"
)
DUPUY_2018 = (
    "Dupuy O, Douzi W, Theurot D, Bosquet L, Dugue B. An evidence-based approach for "
    "choosing post-exercise recovery techniques to reduce markers of muscle damage, "
    "soreness, fatigue, and inflammation: a systematic review with meta-analysis. "
    "Front Physiol. 2018;9:403."
)
FRADKIN_2010 = (
    "Fradkin AJ, Zazryn TR, Smoliga JM. Effects of warming-up on physical performance: a "
    "systematic review with meta-analysis. J Strength Cond Res. 2010;24(1):140-148. "
    "doi:10.1519/JSC.0b013e3181c643a0"
)
BERGH_EKBLOM_1979 = (
    "Bergh U, Ekblom B. Influence of muscle temperature on maximal muscle strength and power "
    "output in human skeletal muscles. Acta Physiol Scand. 1979;107(1):33-37. "
    "doi:10.1111/j.1748-1716.1979.tb06439.x"
)
BLEAKLEY_2012 = (
    "Bleakley C, McDonough S, Gardner E, Baxter GD, Hopkins JT, Davison GW. Cold-water "
    "immersion (cryotherapy) for preventing and treating muscle soreness after exercise. "
    "Cochrane Database Syst Rev. 2012;(2):CD008262. doi:10.1002/14651858.CD008262.pub2"
)
DAVIS_2020 = (
    "Davis HL, Alabed S, Chico TJA. Effect of sports massage on performance and recovery: a "
    "systematic review and meta-analysis. BMJ Open Sport Exerc Med. 2020;6(1):e000614. "
    "doi:10.1136/bmjsem-2019-000614"
)
FRANDSEN_2025 = (
    "Frandsen JSB, Hulme A, Parner ET, et al. How much running is too much? Identifying "
    "high-risk running sessions in a 5200-person cohort study. Br J Sports Med. "
    "2025;59(17):1203-1210. doi:10.1136/bjsports-2024-109380"
)
FULLAGAR_2015 = (
    "Fullagar HH, Skorski S, Duffield R, Hammes D, Coutts AJ, Meyer T. Sleep and athletic "
    "performance: the effects of sleep loss on exercise performance, and physiological "
    "and cognitive responses to exercise. Sports Med. 2015;45(2):161-186."
)
HEIDERSCHEIT_2011 = (
    "Heiderscheit BC, Chumanov ES, Michalski MP, Wille CM, Ryan MB. Effects of step rate "
    "manipulation on joint mechanics during running. Med Sci Sports Exerc. "
    "2011;43(2):296-302. doi:10.1249/MSS.0b013e3181ebedf4"
)
HERBERT_2011 = (
    "Herbert RD, de Noronha M, Kamper SJ. Stretching to prevent or reduce muscle soreness "
    "after exercise. Cochrane Database Syst Rev. 2011;(7):CD004577. "
    "doi:10.1002/14651858.CD004577.pub3"
)
HEW_BUTLER_2015 = (
    "Hew-Butler T, Rosner MH, Fowkes-Godek S, Dugas JP, Hoffman MD, Lewis DP, et al. "
    "Statement of the Third International Exercise-Associated Hyponatremia Consensus "
    "Development Conference, Carlsbad, California, 2015. Clin J Sport Med. "
    "2015;25(4):303-320."
)
HIRSHKOWITZ_2015 = (
    "Hirshkowitz M, Whiton K, Albert SM, Alessi C, Bruni O, DonCarlos L, et al. National "
    "Sleep Foundation's sleep time duration recommendations: methodology and results "
    "summary. Sleep Health. 2015;1(1):40-43. doi:10.1016/j.sleh.2014.12.010"
)
HILL_2014 = (
    "Hill J, Howatson G, van Someren K, Leeder J, Pedlar C. Compression garments and "
    "recovery from exercise-induced muscle damage: a meta-analysis. Br J Sports Med. "
    "2014;48(18):1340-1346. doi:10.1136/bjsports-2013-092456"
)
LAW_HERBERT_2007 = (
    "Law RY, Herbert RD. Warm-up reduces delayed onset muscle soreness but cool-down does "
    "not: a randomised controlled trial. Aust J Physiother. 2007;53(2):91-95. "
    "doi:10.1016/s0004-9514(07)70041-7"
)
MCHUGH_2003 = (
    "McHugh MP. Recent advances in the understanding of the repeated bout effect: the "
    "protective effect against muscle damage from a single bout of eccentric exercise. "
    "Scand J Med Sci Sports. 2003;13(2):88-97. doi:10.1034/j.1600-0838.2003.02477.x"
)
MILLER_2022 = (
    "Miller KC, McDermott BP, Yeargin SW, Fiol A, Schwellnus MP. An evidence-based review "
    "of the pathophysiology, treatment, and prevention of exercise-associated muscle "
    "cramps. J Athl Train. 2022;57(1):5-15. doi:10.4085/1062-6050-0696.20"
)
MOUNTJOY_2018 = (
    "Mountjoy M, Sundgot-Borgen JK, Burke LM, Ackerman KE, Blauwet C, Constantini N, et al. "
    "IOC consensus statement on relative energy deficiency in sport (RED-S): 2018 update. "
    "Br J Sports Med. 2018;52(11):687-697. doi:10.1136/bjsports-2018-099193"
)
NIELSEN_2014 = (
    "Nielsen RO, Parner ET, Nohr EA, Sorensen H, Lind M, Rasmussen S. Excessive "
    "progression in weekly running distance and risk of running-related injuries: an "
    "association which varies according to type of injury. J Orthop Sports Phys Ther. "
    "2014;44(10):739-747."
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
SARGEANT_1987 = (
    "Sargeant AJ. Effect of muscle temperature on leg extension force and short-term power "
    "output in humans. Eur J Appl Physiol Occup Physiol. 1987;56(6):693-698. "
    "doi:10.1007/BF00424812"
)
SAWKA_2007 = (
    "Sawka MN, Burke LM, Eichner ER, Maughan RJ, Montain SJ, Stachenfeld NS. American "
    "College of Sports Medicine position stand. Exercise and fluid replacement. Med Sci "
    "Sports Exerc. 2007;39(2):377-390. doi:10.1249/mss.0b013e31802ca597"
)
SCHWANE_1983 = (
    "Schwane JA, Johnson SR, Vandenakker CB, Armstrong RB. Delayed-onset muscular soreness "
    "and plasma CPK and LDH activities after downhill running. Med Sci Sports Exerc. "
    "1983;15(1):51-56. PMID: 6843319"
)
SCHWELLNUS_2009 = (
    "Schwellnus MP. Cause of exercise associated muscle cramps (EAMC): altered "
    "neuromuscular control, dehydration or electrolyte depletion? Br J Sports Med. "
    "2009;43(6):401-408. doi:10.1136/bjsm.2008.050401"
)
SCHWELLNUS_2011 = (
    "Schwellnus MP, Drew N, Collins M. Increased running speed and previous cramps rather "
    "than dehydration or serum sodium changes predict exercise-associated muscle "
    "cramping: a prospective cohort study in 210 Ironman triathletes. Br J Sports Med. "
    "2011;45(8):650-656. doi:10.1136/bjsm.2010.078535"
)
THOMAS_2016 = (
    "Thomas DT, Erdman KA, Burke LM. American College of Sports Medicine joint position "
    "statement. Nutrition and athletic performance. Med Sci Sports Exerc. "
    "2016;48(3):543-568. doi:10.1249/MSS.0000000000000852"
)
WIEWELHOVE_2019 = (
    "Wiewelhove T, Döweling A, Schneider C, Hottenrott L, Meyer T, Kellmann M, et al. A "
    "meta-analysis of the effects of foam rolling on performance and recovery. Front "
    "Physiol. 2019;10:376. doi:10.3389/fphys.2019.00376"
)

# -------------------------------------------------------------------- causes

CAUSES = [
    {
        "slug": "overuse",
        "name": "Too much, too soon",
        "summary": (
            "Running further, faster or more often than your legs are used to, without "
            "enough recovery, is thought to be the main driver of aching legs and running "
            "injuries."
        ),
        "explanation": (
            "Running makes muscles, tendons and bones stronger, but they adapt more slowly "
            "than your heart and lungs. Add distance, speed or extra runs faster than they "
            "can keep up and you get aching legs and, sometimes, an overuse injury such as "
            "shin pain, a sore Achilles or a bone stress injury. A previous injury at the "
            "same spot makes another one more likely."
            "\n\n"
            "The evidence backs the general idea better than any exact rule. In 5,205 adult "
            "runners followed for 18 months, a single run more than 10% longer than their "
            "longest run of the previous 30 days went with a higher rate of overuse injuries "
            "(about 1.5 to 2.3 times the rate), while changes in weekly distance were not "
            "linked to more injuries (Frandsen et al. 2025). In novice runners, those who "
            "raised their weekly distance by more than 30% over two weeks had more knee, "
            "shin and hip injuries than those who stayed under 10%, though the result fell "
            "just short of statistical significance (Nielsen et al. 2014)."
            "\n\n"
            "The popular '10% a week' rule is a guide, not a proven limit. A trial that "
            "built novice runners up by 10% a week found about the same injury rate (21% vs "
            "20%) as a quicker standard plan (Buist et al. 2008)."
            "\n\n"
            "Cramps have several causes acting together (Miller et al. 2022), but most go "
            "with fatigue: they tend to come when you run harder or longer than usual, "
            "rather than from a lack of salt or water (Schwellnus et al. 2011)."
            "\n\n"
            "A dull ache in both legs that fades over a few days is usually normal; if it is "
            "no better after 5 days, or getting worse, stop running and book a GP or "
            "physiotherapist. Pain that "
            "is sharp, sits on one spot of a bone, hurts at rest or at night, or gets worse "
            "with each run can be a stress fracture or tendon injury: stop running and book "
            "a GP or physiotherapist within the next few days. If you can't put weight on "
            "the leg, go to an urgent treatment centre or emergency department today; deep "
            "groin or hip pain when you run or hop needs to be seen the same day."
        ),
        "evidence_grade": "mixed",
        "references": [FRANDSEN_2025, NIELSEN_2014, BUIST_2008, MILLER_2022, SCHWELLNUS_2011],
        "first_step": (
            "Cut your next week back to easy runs, or swap some for cycling or swimming. Then "
            "build up in small steps, keeping each run within about 10% of your longest in "
            "the last 30 days."
        ),
        "secondary": False,
        "only_with": [],
    },
    {
        "slug": "dehydration",
        "name": "Not drinking enough",
        "summary": (
            "Losing a lot of fluid makes running feel harder, especially in heat, but "
            "there is little evidence that mild dehydration causes next-day muscle ache."
        ),
        "explanation": (
            "Many people blame dehydration for cramps, stiffness and soreness, but the "
            "evidence is thinner than that. Losing more than about 2% of your body weight "
            "in sweat can make running feel harder and slow you down, especially in the "
            "heat (Sawka et al. 2007). There is little evidence that it causes next-day "
            "soreness."
            "\n\n"
            "The link with cramps is weak too. Among 210 Ironman triathletes, those who "
            "cramped had lost no more body weight, and had the same blood salt levels, as "
            "those who didn't; racing faster and a history of cramps predicted them "
            "(Schwellnus et al. 2011)."
            "\n\n"
            "Drinking too much is a real risk as well. Drinking far more than you sweat, "
            "especially over long, slow events, can dilute the sodium in your blood "
            "(hyponatraemia), which can be dangerous. Experts advise drinking to thirst "
            "rather than to a schedule (Hew-Butler et al. 2015)."
            "\n\n"
            "Collapse, confusion, vomiting or a severe headache during or after a long run "
            "is an emergency: call emergency services, and don't drink large amounts while "
            "you wait. Brown or cola-coloured urine with severe muscle pain or weakness is "
            "also an emergency; without severe pain, be seen the same day. Dark yellow urine "
            "only means drink a bit more."
        ),
        "evidence_grade": "weak",
        "references": [SAWKA_2007, SCHWELLNUS_2011, HEW_BUTLER_2015],
        "first_step": (
            "Drink to thirst over the next few hours, with a meal or salty snack, and on "
            "long or hot runs carry fluid next time."
        ),
        "secondary": False,
        "only_with": [],
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
            "provides the building blocks for repair. Often running on empty, or eating too "
            "little overall, can make sessions feel heavier and recovery slower (Thomas et "
            "al. 2016)."
            "\n\n"
            "The evidence is clearest for the big picture: eating enough in total matters "
            "most. Regularly eating too little for the training you do (relative energy "
            "deficiency in sport, RED-S) is linked to hormone changes, missed periods, "
            "poorer recovery and a higher risk of bone stress injuries, in men as well as "
            "women (Mountjoy et al. 2018)."
            "\n\n"
            "For soreness itself, food makes less difference than is often claimed. "
            "Protein timing and recovery products have small, inconsistent effects, and "
            "high-dose antioxidant supplements don't reduce soreness by an amount you would "
            "notice (Ranchordas et al. 2017)."
            "\n\n"
            "See a GP or sports dietitian if you are losing weight without meaning to, feel "
            "tired all the time, have missed or irregular periods, or have had a stress "
            "fracture. If you also have pain on one spot of a bone or pain at night, stop "
            "running and book a GP within the next few days."
        ),
        "evidence_grade": "mixed",
        "references": [THOMAS_2016, MOUNTJOY_2018, RANCHORDAS_2017],
        "first_step": (
            "Eat regular meals with carbohydrate and protein over the next few days, and "
            "don't run fasted or skip meals while you're sore."
        ),
        "secondary": False,
        "only_with": [],
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
            "load has changed suddenly. The evidence that form causes soreness or injury is "
            "weak: most studies measure forces in a lab, not injuries."
            "\n\n"
            "Overstriding, where your foot lands well ahead of your body, tends to increase "
            "braking. In a lab study of 45 runners at a fixed speed, taking 5% more steps a "
            "minute reduced the load absorbed at the knee; 10% more reduced it at both the "
            "knee and the hip (Heiderscheit et al. 2011). Treat it as a sensible tweak, not "
            "a cure."
            "\n\n"
            "Sudden changes move the load around. Switching to minimalist shoes or to "
            "landing on your forefoot puts more work on the calves, Achilles and foot bones. "
            "After a 10-week switch to minimalist shoes, 10 of 19 runners showed new signs "
            "of bone stress in the foot on MRI, more than runners who kept their usual shoes "
            "(Ridge et al. 2013). Breathing technique, sometimes blamed too, has no known "
            "link to leg soreness."
            "\n\n"
            "If the same spot keeps hurting, or pain is in one leg only and getting worse, "
            "stop running and book a physiotherapist within the next few days."
        ),
        "evidence_grade": "weak",
        "references": [HEIDERSCHEIT_2011, RIDGE_2013],
        "first_step": (
            "Keep your next runs easy and change one thing at a time: break new shoes in "
            "slowly, or take slightly shorter, quicker steps."
        ),
        "secondary": False,
        "only_with": [],
    },
    {
        "slug": "genetics",
        "name": "Genes and individual differences",
        "summary": (
            "Some people get sorer and recover more slowly than others after the same run. "
            "Genes play a part, but they only add to other causes and tests don't help yet."
        ),
        "explanation": (
            "Two runners can do the same session and feel very different two days later. "
            "Studies of unaccustomed exercise find big differences between people in "
            "soreness and muscle damage, and some of that seems to be inherited. Age "
            "matters too: older people tend to have more damage and need longer to recover "
            "(Baumert et al. 2016)."
            "\n\n"
            "A handful of gene variants have been linked to more muscle damage or slower "
            "recovery, but the effects are small and the research is at an early stage, so "
            "we treat genes as a contributing factor, never as the main explanation when "
            "something else fits. Gene tests sold to athletes aren't useful for planning "
            "training, and there is no good evidence for the popular idea that low "
            "antioxidant levels are the reason."
            "\n\n"
            "The practical takeaway: if you recover slowly, build up more gradually, leave "
            "more easy days between hard sessions and protect your sleep. Compare yourself "
            "with your own past training, not with your friends."
            "\n\n"
            "Unusually severe or long-lasting pain after ordinary runs isn't explained by "
            "'bad genes'. If it happens often, see a GP: some medical conditions and "
            "medicines (statins, for example) can cause muscle problems. Brown or "
            "cola-coloured urine with muscle pain needs checking the same day, and at once "
            "in an emergency department if the pain or weakness is severe."
        ),
        "evidence_grade": "weak",
        "references": [BAUMERT_2016],
        "first_step": (
            "Give yourself an extra easy or rest day before the next hard session, and "
            "protect your sleep."
        ),
        "secondary": True,
        "only_with": [],
    },
    {
        "slug": "cold",
        "name": "Cold weather",
        "summary": (
            "Cold muscles are weaker and slower until they warm up. There is little direct "
            "evidence that cold causes soreness, but a longer warm-up helps."
        ),
        "explanation": (
            "A common explanation is that narrowed blood vessels cut blood flow to the "
            "legs. In the cold your body does send less blood to the skin, but once you are "
            "running, working leg muscles get plenty of blood and warm up quickly. The first few "
            "minutes, and stopping outside afterwards, are when cold matters most. That is "
            "why we only consider cold when your run really was cold (below about 5 °C)."
            "\n\n"
            "Cold muscles contract more slowly and less forcefully. In a small laboratory "
            "study, jumping, sprinting and maximal dynamic strength fell by about 4-6% for "
            "each degree the leg muscles were cooler (Bergh and Ekblom 1979); in another, "
            "cooling the legs in cold water cut sprint cycling power by about 12-21% "
            "(Sargeant 1987). So a cold muscle starts at a disadvantage."
            "\n\n"
            "There is little direct research on whether cold weather itself causes delayed "
            "soreness. Warming up does seem to help a little: in one trial, 10 minutes of "
            "uphill walking before 30 minutes of walking backwards downhill slightly reduced "
            "soreness two days later (Law and Herbert 2007)."
            "\n\n"
            "Numbness or tingling that stays after you rest needs checking the same day. A "
            "foot that stays cold, pale or blue even after you have warmed up is an "
            "emergency. Skin that turns white, grey or waxy can be frostbite (Castellani et "
            "al. 2006): warm it gently and seek medical help."
        ),
        "evidence_grade": "weak",
        "references": [BERGH_EKBLOM_1979, SARGEANT_1987, LAW_HERBERT_2007, CASTELLANI_2006],
        "first_step": (
            "Next time it's below 5 °C, wear tights and layers and warm up for 10-15 "
            "minutes before any faster running."
        ),
        "secondary": False,
        "only_with": [("temperature", "cold")],
    },
    {
        "slug": "electrolytes",
        "name": "Salt loss and cramps",
        "summary": (
            "Heavy sweating loses salt, but blood salt levels rarely explain cramps or "
            "soreness. Cramps have several causes; most go with tired muscles."
        ),
        "explanation": (
            "Sodium, potassium, magnesium and calcium all matter for nerves and muscles, "
            "and you lose some sodium in sweat. It is often said that losing them causes "
            "cramps and aching, but for healthy runners the evidence mostly doesn't support "
            "it, so we only consider salt when you had cramps."
            "\n\n"
            "In Ironman triathletes, those who cramped had the same blood salt levels as "
            "those who didn't. The best predictors were racing faster than usual and a "
            "history of cramping (Schwellnus et al. 2011). A review of the evidence found "
            "that the salt and dehydration theories rest mainly on anecdotes and small case "
            "series, while prospective studies point to tired muscles: fatigue upsets the "
            "nerve signals controlling a muscle, so it fires when it shouldn't (Schwellnus "
            "2009). A later review concludes that cramps come from several factors acting "
            "together rather than a single cause, and advises gently stretching a cramping "
            "muscle until it eases (Miller et al. 2022)."
            "\n\n"
            "Salt still has a place. On runs over about 90 minutes or in heat, and "
            "especially if you are a heavy, salty sweater, taking some salt with your fluids "
            "is sensible (Sawka et al. 2007). Just don't expect it to stop every cramp."
            "\n\n"
            "See a GP if you often cramp at rest or at night, or take medicines such as "
            "diuretics ('water tablets'). A cramp that won't ease after 10 minutes needs "
            "checking the same day. Confusion, vomiting or a severe headache after a long "
            "event is an emergency: call emergency services, and don't drink large amounts."
        ),
        "evidence_grade": "weak",
        "references": [SCHWELLNUS_2009, SCHWELLNUS_2011, MILLER_2022, SAWKA_2007],
        "first_step": (
            "If a cramp comes back, stop and gently stretch the muscle. On long or hot runs, "
            "pace evenly and take some salt with your fluids."
        ),
        "secondary": False,
        "only_with": [("cramps", "during"), ("cramps", "after")],
    },
    {
        "slug": "eccentric_load",
        "name": "Downhill and unaccustomed running",
        "summary": (
            "Muscles working while being stretched, as when braking downhill, cause most "
            "delayed soreness. It peaks 1-3 days later and is not caused by lactic acid."
        ),
        "explanation": (
            "This is the best-established cause of delayed soreness. Running downhill, "
            "your thigh muscles act as brakes: they are being stretched while they contract "
            "(eccentric work). This causes tiny areas of damage and a repair response that "
            "leaves the muscle tender and stiff a day or two later. That is delayed-onset "
            "muscle soreness, or DOMS."
            "\n\n"
            "In a classic study, seven people ran for 45 minutes on the level and, on "
            "another day, down a 10% slope. Downhill, although it was easier on the heart "
            "and lungs, caused clear soreness in the buttocks, thighs and lower legs and a "
            "rise in a blood marker of muscle damage; the harder level run caused no "
            "significant soreness (Schwane et al. 1983). Anything new to your legs, such as "
            "a longer race, faster intervals, stairs or a new sport, can do the same."
            "\n\n"
            "DOMS is not caused by lactic acid, which clears within an hour or so of "
            "stopping, long before the soreness starts. Soreness usually peaks 24-72 hours "
            "after the run and then eases day by day (Cheung et al. 2003)."
            "\n\n"
            "The good news: one bout protects. People who repeated a 30-minute downhill run "
            "3 or 6 weeks later got much less sore; after 9 weeks the protection had gone "
            "(Byrnes et al. 1985). This repeated-bout effect seems to come from changes in "
            "the muscle, its connective tissue and the nervous system (McHugh 2003)."
            "\n\n"
            "Brown or cola-coloured urine with severe pain or weakness, or severe, worsening "
            "pain with a tight, swollen muscle, is an emergency. If the soreness is no better "
            "after 5 days, or getting worse, stop running and book a GP or physiotherapist."
        ),
        "evidence_grade": "supported",
        "references": [SCHWANE_1983, CHEUNG_2003, BYRNES_1985, MCHUGH_2003],
        "first_step": (
            "Expect it to peak in 1-3 days, then ease. Keep runs easy and flat, or "
            "cross-train, until it does; if it is no better after 5 days, or getting worse, "
            "see a GP or physiotherapist."
        ),
        "secondary": False,
        "only_with": [],
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
            "run. Drink with meals and afterwards, and let thirst guide you. Pale "
            "straw-coloured urine is a good sign; dark yellow means drink a bit more."
            "\n\n"
            "Drink more in hot or humid weather, and carry fluid or plan stops for longer "
            "runs, especially in heat. Large sweat losses make running harder and increase "
            "heat strain (Sawka et al. 2007)."
            "\n\n"
            "Don't drink to a fixed schedule or try to 'stay ahead' of thirst, and don't "
            "finish a race heavier than you started. Drinking far more than you sweat can "
            "dilute the sodium in your blood (hyponatraemia), which has caused collapses and "
            "deaths at marathons. Slower runners in long events are most at risk "
            "(Hew-Butler et al. 2015). If you have kidney or heart disease, follow your own "
            "doctor's advice on fluids."
            "\n\n"
            "Be realistic: drinking well helps you feel and run better, especially in the "
            "heat, but it won't prevent next-day soreness. Confusion, vomiting, a severe "
            "headache or collapse after a long event is an emergency: call emergency "
            "services, and don't drink large amounts while you wait."
        ),
        "evidence_grade": "mixed",
        "references": [HEW_BUTLER_2015, SAWKA_2007],
        "safe_with_warning": True,
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
            "training, your portions usually need to rise too. Eating too little for your "
            "training (RED-S) weakens bones and raises the risk of stress fractures "
            "(Mountjoy et al. 2018)."
            "\n\n"
            "Carbohydrate (bread, rice, pasta, potatoes, oats, fruit) fuels longer and "
            "harder runs; eat more on heavy days. Protein (meat, fish, eggs, dairy, beans, "
            "lentils, tofu) supports repair; guidelines suggest about 1.2-2.0 g per kg of "
            "body weight a day for athletes, spread across meals (Thomas et al. 2016). A "
            "meal or snack with both within a couple of hours of a hard session is a good "
            "habit. With kidney disease, ask your doctor before raising protein."
            "\n\n"
            "Don't expect food to switch off soreness. High-dose antioxidant supplements, "
            "such as vitamin C or E, don't reduce it by a noticeable amount (Ranchordas et "
            "al. 2017). A varied diet does more than special products."
            "\n\n"
            "See a GP or sports dietitian if you are losing weight without meaning to, feel "
            "drained all the time, have missed periods or have had a bone stress injury."
        ),
        "evidence_grade": "mixed",
        "references": [THOMAS_2016, MOUNTJOY_2018, RANCHORDAS_2017],
        "safe_with_warning": True,
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
            "a few leg swings, skips or short strides before a hard session. In a review of "
            "32 studies, warming up improved performance in 79% of the measures tested "
            "(Fradkin et al. 2010)."
            "\n\n"
            "A warm-up may also slightly reduce soreness after unaccustomed exercise. In one "
            "trial, 10 minutes of uphill walking before 30 minutes of walking backwards "
            "downhill cut soreness two days later by 13 points on a 100-point scale, while "
            "a cool-down afterwards made no difference (Law and Herbert 2007)."
            "\n\n"
            "Static stretching before and after runs is often recommended, but the best "
            "evidence says it does little or nothing for soreness: a Cochrane review of 12 "
            "trials, one with over 2,000 people, found stretching reduced soreness by a few "
            "points at most on a 100-point scale (Herbert et al. 2011). Stretch if you "
            "enjoy it or want more flexibility, but don't rely on it to stop aching legs."
            "\n\n"
            "A gentle walk to finish is fine and helps you settle, but it isn't a proven "
            "way to prevent soreness. If pain gets worse as you warm up or makes you stop, "
            "stop running and book a physiotherapist within the next few days."
        ),
        "evidence_grade": "mixed",
        "references": [HERBERT_2011, LAW_HERBERT_2007, FRADKIN_2010],
        "safe_with_warning": False,
    },
    {
        "slug": "flat_surfaces",
        "title": "Run flat while sore, then add hills back",
        "summary": (
            "While your legs are sore from downhill or hilly running, keep runs easy and "
            "flat, or cross-train. Then bring hills back in small doses so your legs adapt."
        ),
        "explanation": (
            "Downhills load the thigh muscles far more than flat running: in one study a "
            "downhill run made people sore while a harder level run did not (Schwane et al. "
            "1983). Easy running on the flat, or cycling, swimming or walking, lets sore "
            "muscles recover while you keep moving. Gentle exercise often eases DOMS for a "
            "while, though the relief is temporary (Cheung et al. 2003)."
            "\n\n"
            "Smooth, even ground also lowers the chance of turning an ankle on tired legs. "
            "Softer surfaces aren't proven to prevent injury, so pick what feels "
            "comfortable. There are no trials of running flat to prevent soreness, so this "
            "is sensible advice rather than proven."
            "\n\n"
            "A common tip is to avoid hills and uneven ground. That's good advice while "
            "you're sore, but avoiding them for good leaves your legs unprepared for the "
            "hills you'll meet in races and on holiday. A first dose of downhill running "
            "protects your muscles against the next one for several weeks (Byrnes et al. "
            "1985), so build hills and trails back in gradually: see 'Build up downhills in "
            "small doses'."
            "\n\n"
            "This is for ordinary soreness after downhill or hilly running. It is not a fix "
            "for doing too much: a flat run is still a run, so if your training has outrun "
            "your legs, cut back overall (see 'Build up gradually'). If the soreness is no "
            "better after 5 days, or getting worse, or the pain is in one spot, stop running "
            "and book a GP or physiotherapist."
        ),
        "evidence_grade": "weak",
        "references": [SCHWANE_1983, BYRNES_1985, CHEUNG_2003],
        "safe_with_warning": False,
    },
    {
        "slug": "gradual_increase",
        "title": "Build up gradually",
        "summary": (
            "Increase distance, speed and number of runs step by step, keep each run within "
            "about 10% of your longest in the last 30 days, and take an easier week every "
            "few weeks."
        ),
        "explanation": (
            "Your heart and lungs adapt within weeks; tendons and bones take months. "
            "Increase one thing at a time (distance, pace, hills or number of runs) and "
            "keep most runs easy."
            "\n\n"
            "Watch single runs, not just weeks. In 5,205 adult runners, a run more than 10% "
            "longer than the longest run of the previous 30 days went with a higher rate of "
            "overuse injuries, while changes in weekly distance were not linked to more "
            "injuries (Frandsen et al. 2025). Novice runners who raised their weekly "
            "distance by more than 30% in two weeks had more knee, shin and hip injuries "
            "than those who stayed under 10%, a borderline result (Nielsen et al. 2014)."
            "\n\n"
            "The '10% a week' rule is a guide, not a rule: novices on a 10%-a-week plan got "
            "injured just as often as those on a quicker plan (Buist et al. 2008). Take an "
            "easier week every few weeks, restart below your old level after a break, and "
            "change shoes or technique gradually too. Building up to race distance and pace "
            "may also make cramps less likely: most go with running harder or longer than "
            "usual (Schwellnus et al. 2011)."
            "\n\n"
            "If pain returns at the same point in every build-up, or is sharp, on one spot "
            "of a bone, or worse each run, stop running and book a GP or physiotherapist "
            "within the next few days."
        ),
        "evidence_grade": "mixed",
        "references": [FRANDSEN_2025, NIELSEN_2014, BUIST_2008, SCHWELLNUS_2011],
        "safe_with_warning": False,
    },
    {
        "slug": "compression",
        "title": "Compression socks and tights",
        "summary": (
            "Compression garments may ease soreness a little after hard or long runs. The "
            "benefit is small to moderate, so wear them if they feel good, not instead of "
            "resting."
        ),
        "explanation": (
            "Compression garments squeeze the leg, which may limit swelling and muscle "
            "movement. Pooling 12 small studies, wearing them after muscle-damaging "
            "exercise reduced soreness by a small-to-moderate amount (Hill et al. 2014), and "
            "a review of 99 studies of recovery methods also found less soreness with "
            "compression (Dupuy et al. 2018). A third pooled analysis, of 23 studies, "
            "measured the recovery of performance rather than soreness: it found a small "
            "benefit overall, largest for getting strength back (Brown et al. 2017)."
            "\n\n"
            "Studies used different garments and pressures, and people always know whether "
            "they are wearing compression, so some of the benefit may be expectation."
            "\n\n"
            "For most healthy runners they are low-risk, so use them if they feel good, but "
            "they don't replace easing off your training. Take them off if they cause "
            "numbness, tingling or marks that last. Don't use them if you have poor "
            "circulation in your legs or numb feet from diabetes."
            "\n\n"
            "Compression is never the answer to a warning sign. One calf that is swollen, "
            "warm and painful may be a blood clot: be seen the same day, and call emergency "
            "services if you are also short of breath. Severe, worsening pain with a tight, "
            "swollen muscle is an emergency: take compression gear off and go to an "
            "emergency department."
        ),
        "evidence_grade": "mixed",
        "references": [HILL_2014, BROWN_2017, DUPUY_2018],
        "safe_with_warning": False,
    },
    {
        "slug": "rest_recovery",
        "title": "Rest, sleep and easy days",
        "summary": (
            "Sleep well, keep easy days easy and give sore legs time. Soreness usually peaks "
            "24-72 hours after a run, then eases over the next few days."
        ),
        "explanation": (
            "Time is the one treatment that always works for DOMS. Soreness usually peaks "
            "24-72 hours after the run and then eases day by day (Cheung et al. 2003). "
            "Walking, cycling or swimming are usually fine; save hard sessions until the "
            "soreness has mostly gone."
            "\n\n"
            "Sleep supports recovery. Short or broken sleep can hurt performance and may "
            "upset recovery, though the research in athletes is mixed (Fullagar et al. "
            "2015). General guidance for adults is 7-9 hours a night (Hirshkowitz et al. "
            "2015). Plan at least one or two rest or very easy days a week, more if you are "
            "new to running."
            "\n\n"
            "If a clinician has told you to stop running for a while, pain-free "
            "cross-training such as cycling or swimming keeps your fitness without loading "
            "the sore spot. Hands-on and cold treatments ease soreness only a little: in "
            "pooled trials, massage (Davis et al. 2020), foam rolling (Wiewelhove et al. "
            "2019) and cold-water immersion (Bleakley et al. 2012; small, low-quality "
            "trials) each had small effects. Use them if you like them, not instead of rest."
            "\n\n"
            "Stop running and book a GP or physiotherapist if soreness is no better after 5 "
            "days, or getting worse, or is in one spot or one leg only, or if a joint is "
            "swollen. Fever, or brown or cola-coloured urine, "
            "needs checking the same day; with severe pain or weakness, brown urine is an "
            "emergency."
        ),
        "evidence_grade": "supported",
        "references": [
            CHEUNG_2003,
            FULLAGAR_2015,
            HIRSHKOWITZ_2015,
            DAVIS_2020,
            WIEWELHOVE_2019,
            BLEAKLEY_2012,
        ],
        "safe_with_warning": True,
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
            "al. 2007). Try your plan in training, not for the first time on race day. If "
            "you have kidney disease, heart failure or high blood pressure, don't add salt "
            "without your doctor's advice."
            "\n\n"
            "Be realistic about cramps. They have several causes acting together (Miller et "
            "al. 2022), but most go with fatigue and with running harder or longer than you "
            "are used to, not with low blood salts (Schwellnus et al. 2011). Sensible pacing "
            "and training for the distance probably do more than extra electrolytes. If a "
            "cramp hits, slow down and gently stretch the muscle."
            "\n\n"
            "Salt doesn't protect you from overdrinking: even sports drinks can lead to "
            "hyponatraemia if you drink far more than you sweat (Hew-Butler et al. 2015). "
            "Confusion, vomiting or a severe headache during or after a long event is an "
            "emergency: call emergency services. A cramp that won't ease after 10 minutes "
            "needs checking the same day; see a GP if cramps are frequent or come at rest."
        ),
        "evidence_grade": "weak",
        "references": [SAWKA_2007, SCHWELLNUS_2011, MILLER_2022, HEW_BUTLER_2015],
        "safe_with_warning": False,
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
            "muscles are weaker and slower until they warm up (Bergh and Ekblom 1979)."
            "\n\n"
            "Afterwards, get out of sweaty kit and into dry, warm clothes quickly, because "
            "you cool fast once you stop (Castellani et al. 2006). In fairness, this is "
            "sensible and cheap, but there is little direct research showing it prevents "
            "soreness."
            "\n\n"
            "If fingers, toes or skin go numb, white or waxy, stop and warm them gently. A "
            "foot that stays cold, pale or blue after you have warmed up is an emergency, "
            "and numbness that stays needs checking the same day."
        ),
        "evidence_grade": "weak",
        "references": [CASTELLANI_2006, BERGH_EKBLOM_1979],
        "safe_with_warning": False,
    },
    {
        "slug": "repeated_bout",
        "title": "Build up downhills in small doses",
        "summary": (
            "A small first dose of downhill or other unaccustomed running protects your "
            "legs against the next one for weeks. Start short and repeat regularly."
        ),
        "explanation": (
            "Muscles adapt quickly to braking work. After one 30-minute downhill run, "
            "repeating it 3 or 6 weeks later caused much less soreness and muscle damage; "
            "by 9 weeks the protection had faded (Byrnes et al. 1985). This repeated-bout "
            "effect is well established, though exactly how it works is still debated "
            "(McHugh 2003)."
            "\n\n"
            "Use it on purpose. If a hilly race or trail trip is coming up, add a few short, "
            "gentle descents to easy runs several weeks beforehand, then keep a little "
            "downhill running in your week to hold on to the protection. Even a small first "
            "dose seems to protect, so start shorter and gentler than you think you need."
            "\n\n"
            "The same goes for anything new: faster intervals, longer runs, stairs or a new "
            "sport. Expect some soreness after the first session, keep it short, and the "
            "next one will usually be easier."
            "\n\n"
            "This is for healthy legs only, never beside a warning sign. A first dose should "
            "leave you mildly sore at most. Brown or cola-coloured urine with severe pain or "
            "weakness, or severe, worsening pain with a tight, swollen muscle after a hard "
            "downhill session, is an emergency: go to an emergency department now."
        ),
        "evidence_grade": "supported",
        "references": [BYRNES_1985, MCHUGH_2003],
        "safe_with_warning": False,
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
        "balanced_diet",
        "Eating enough for your training protects bones and tendons: under-fuelling raises "
        "the risk of bone stress injuries.",
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
        "Layers and leg cover keep your muscles warm and working normally in cold weather.",
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
