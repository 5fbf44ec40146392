"""Danish texts of clientscreen, keyed by their English (see clientscreen.locales)."""

MESSAGES: dict[str, str | tuple[str, ...]] = {
    # answers.py:183
    '{given} is not a number; expected {accepted}': '{given} er ikke et tal; forventet: {accepted}',
    # answers.py:60
    'yes or no': 'ja eller nej',
    # answers.py:62
    'a number ({unit})': 'et tal ({unit})',
    # answers.py:64
    'any text': 'fri tekst',
    # answers.py:67
    '{low} to {high}': '{low} til {high}',
    # answers.py:179, answers.py:167
    '{given} is not a number': '{given} er ikke et tal',
    # answers.py:93
    '{given} is not an answer here; expected {accepted}': '{given} er ikke et svar her; forventet: {accepted}',
    # answers.py:171
    (
        '{given} could be a whole number or a decimal; write it without grouping or say which mark is the decimal one '
        '(--decimal , or --decimal .)'
    ): (
        '{given} kan være et heltal eller et decimaltal; skriv det uden tusindtalsseparator, eller angiv, hvilket tegn '
        'der er decimaltegnet (--decimal , eller --decimal .)'
    ),
    # answersfile.py:118
    'answered against {old_id} {old_version}; the rulebook is now {new_id} {new_version} with different content':
        'besvaret ud fra {old_id} {old_version}; regelsættet er nu {new_id} {new_version} med ændret indhold',
    # answersfile.py:74
    'an answers file is a mapping with prospect and answers':
        'en svarfil er en mapping med nøglerne prospect og answers',
    # answersfile.py:82
    'unknown field {field!r}': 'ukendt felt {field!r}',
    # answersfile.py:101
    'no question {question!r} in rulebook {rulebook}; ignored':
        'regelsættet {rulebook} har intet spørgsmål {question!r}; svaret ignoreres',
    # arithmetic.py:223
    (
        'no answers give the verdict {verdict}: its band is scores {decline} or more, reachable scores run from {low} '
        'to {high}'
    ): (
        'ingen kombination af svar giver vurderingen {verdict}: den gælder for en score på {decline} eller mere, men '
        'de mulige scorer går fra {low} til {high}'
    ),
    # arithmetic.py:237
    (
        'no score reaches the {verdict} band ({decline} or more; reachable scores run from {low} to {high}): only '
        'knock-outs give {verdict}'
    ): (
        'ingen score når intervallet for {verdict} ({decline} eller mere; de mulige scorer går fra {low} til {high}): '
        'kun knockouts giver {verdict}'
    ),
    # arithmetic.py:218
    (
        'no answers give the verdict {verdict}: its band is scores below {negotiate}, reachable scores run from {low} '
        'to {high}'
    ): (
        'ingen kombination af svar giver vurderingen {verdict}: den gælder for en score under {negotiate}, men de '
        'mulige scorer går fra {low} til {high}'
    ),
    # arithmetic.py:221
    (
        'no answers give the verdict {verdict}: its band is scores {negotiate} to {last}, reachable scores run from '
        '{low} to {high}'
    ): (
        'ingen kombination af svar giver vurderingen {verdict}: den gælder for en score fra {negotiate} til {last}, '
        'men de mulige scorer går fra {low} til {high}'
    ),
    # arithmetic.py:232
    (
        'no score reaches the {verdict} band (below {negotiate}; reachable scores run from {low} to {high}): only '
        'knock-outs give {verdict}'
    ): (
        'ingen score når intervallet for {verdict} (under {negotiate}; de mulige scorer går fra {low} til {high}): kun '
        'knockouts giver {verdict}'
    ),
    # arithmetic.py:235
    (
        'no score reaches the {verdict} band ({negotiate} to {last}; reachable scores run from {low} to {high}): only '
        'knock-outs give {verdict}'
    ): (
        'ingen score når intervallet for {verdict} ({negotiate} til {last}; de mulige scorer går fra {low} til '
        '{high}): kun knockouts giver {verdict}'
    ),
    # arithmetic.py:165
    'question {question!r} can never change a verdict: every answer scores 0 and none knocks out': (
        'spørgsmålet {question!r} kan aldrig ændre en vurdering: alle svar giver 0 point, og intet svar er en knockout'
    ),
    # arithmetic.py:172
    (
        'question {question!r} can never change a verdict: its answers move the score by at most {n} point, never '
        'across a threshold'
    ): (
        (
            'spørgsmålet {question!r} kan aldrig ændre en vurdering: svarene flytter højst scoren {n} point og aldrig '
            'hen over en tærskel'
        ),
        (
            'spørgsmålet {question!r} kan aldrig ændre en vurdering: svarene flytter højst scoren {n} point og aldrig '
            'hen over en tærskel'
        ),
    ),
    # atomic.py:47
    'cannot write here: {reason}': 'kan ikke skrive her: {reason}',
    # atomic.py:69
    'cannot write: {reason}': 'kan ikke skrive: {reason}',
    # atomic.py:60
    'already exists; choose another name': 'findes allerede; vælg et andet navn',
    # batchout.py:146, diff.py:34
    'error': 'fejl',
    # batchout.py:65
    'no column for {questions}; counted as unknown in every row':
        'ingen kolonne for {questions}; tælles som ukendt i alle rækker',
    # batchout.py:69
    'ignoring columns that are not questions: {columns}': 'ignorerer kolonner, der ikke er spørgsmål: {columns}',
    # batchout.py:85
    '-o {output}: that is the input file; clientscreen never overwrites its input':
        '-o {output}: det er inputfilen; clientscreen overskriver aldrig sit input',
    # batchout.py:149
    'Line': 'Linje',
    # batchout.py:150
    'Id': 'ID',
    # batchout.py:151
    'Name': 'Navn',
    # batchout.py:152
    'Verdict': 'Vurdering',
    # batchout.py:153
    'Score': 'Score',
    # batchout.py:154
    'Red flags / error': 'Røde flag / fejl',
    # batchrun.py:90
    '--id-column {column}: {path} has no such column': '--id-column {column}: {path} har ingen kolonne med det navn',
    # batchrun.py:164
    '{problem} (--strict: stopped at the first bad row)':
        '{problem} (--strict: stoppede ved den første række med fejl)',
    # cases.py:288
    'score: expected {low} to {high}, got {score}': 'score: forventet {low} til {high}, faktisk {score}',
    # cases.py:76
    'case {case!r}: {message}': 'casen {case!r}: {message}',
    # cases.py:142
    'a case file is a list of cases, or {rulebook, cases}':
        'en casefil er en liste af cases eller en mapping med {rulebook, cases}',
    # cases.py:155
    'cases are a list: - name: …, answers: …, verdict: …':
        'cases skal være en liste: - name: …, answers: …, verdict: …',
    # cases.py:240
    'FAIL': 'FEJLET',
    # cases.py:240
    'TODO': 'TODO',
    # cases.py:240
    'FIXED': 'LØST',
    # cases.py:240
    'ok': 'bestået',
    # cases.py:283
    'score: expected {expected}, got {score}': 'score: forventet {expected}, faktisk {score}',
    # cases.py:285
    'score: expected at most {high}, got {score}': 'score: forventet højst {high}, faktisk {score}',
    # cases.py:287
    'score: expected at least {low}, got {score}': 'score: forventet mindst {low}, faktisk {score}',
    # cases.py:296
    'questions': 'spørgsmål',
    # cases.py:296
    'answers': 'svar',
    # cases.py:296
    'knock-outs': 'knockouts',
    # cases.py:296
    'bands': 'intervaller',
    # cases.py:372
    '{path}: {cases}: {results}': '{path}: {cases}: {results}',
    # cases.py:131
    'another case has this name (line {line})': 'en anden case har samme navn (linje {line})',
    # cases.py:228
    "passes now; remove 'todo'": "består nu; fjern 'todo'",
    # cases.py:257
    'verdict: expected {expected}, got {verdict} (score {score})':
        'vurdering: forventet {expected}, faktisk {verdict} (score {score})',
    # cases.py:378
    '{path}: coverage {percent}% ({counts})': '{path}: dækning {percent}\xa0% ({counts})',
    # cases.py:421
    '{path}: coverage {percent}% is below --min-coverage {minimum}%':
        '{path}: dækningen på {percent}\xa0% er under --min-coverage {minimum}\xa0%',
    # cases.py:263
    'flag {flag}: expected to fire, did not': 'flaget {flag}: skulle være rejst, men blev det ikke',
    # cases.py:266
    'flag {flag}: expected not to fire, fired': 'flaget {flag}: skulle ikke være rejst, men blev det',
    # cases.py:365
    '{n} passed': ('{n} bestod', '{n} bestod'),
    # cases.py:366
    '{n} failed': ('{n} fejlede', '{n} fejlede'),
    # cases.py:367, cli.py:353, lint.py:529
    '{n} error': ('{n} fejl', '{n} fejl'),
    # cases.py:368
    '{n} todo': ('{n} todo', '{n} todo'),
    # cases.py:369
    '{n} todo now passing': ('{n} todo består nu', '{n} todo består nu'),
    # cases.py:371
    'no cases': 'ingen cases',
    # cases.py:373
    '{n} case': ('{n} case', '{n} cases'),
    # cases.py:381
    'not exercised: {kind}: {items}': 'ikke dækket: {kind}: {items}',
    # cases.py:187
    '{key}: no category or question {flag!r} in rulebook {rulebook}':
        '{key}: regelsættet {rulebook} har hverken en kategori eller et spørgsmål {flag!r}',
    # cases.py:230
    '(todo: {reason})': '(todo: {reason})',
    # cases.py:97
    'holds no rulebook (*.yaml, *.yml)': 'indeholder intet regelsæt (*.yaml, *.yml)',
    # cases.py:462
    'todo: {mismatches}': 'todo: {mismatches}',
    # cli.py:29
    (
        'Exit codes: 0 ok; 1 problems found (invalid rows, failed checks); 2 usage error;\n3 an input file (rulebook, '
        'answers, CSV) cannot be used; 129/130/143 hung up, interrupted, terminated;\n70 internal error (please report '
        'it with the --debug output).'
    ): (
        'Exitkoder: 0 ok; 1 problemer fundet (ugyldige rækker, fejlede tjek); 2 forkert brug;\n3 en inputfil '
        '(regelsæt, svar, CSV) kan ikke bruges; 129/130/143 terminalen lukket, afbrudt, stoppet;\n70 intern fejl '
        '(rapportér den gerne med outputtet fra --debug).'
    ),
    # cli.py:35, cli.py:111
    'Screen a prospective client before the first meeting: take, negotiate or decline.':
        'Screen et kundeemne før det første møde: sig ja, forhandl eller sig nej.',
    # cli.py:43
    'Check and inspect rulebooks.': 'Tjek og gennemse regelsæt.',
    # cli.py:143
    "Score one prospect's answers file and print the report.":
        'Beregn scoren for et kundeemnes svarfil, og vis rapporten.',
    # cli.py:179
    'Run the intake interview in the terminal, saving every answer as it is given.':
        'Kør interviewet i terminalen, og gem hvert svar, så snart det er givet.',
    # cli.py:263
    'clientscreen: {what}. The answers so far are in {path}; continue with: clientscreen interview --resume {path}':
        'clientscreen: {what}. Svarene indtil nu ligger i {path}; fortsæt med: clientscreen interview --resume {path}',
    # cli.py:280
    'Print the CSV header a sales team fills in, or the questions as JSON for integrators.':
        'Udskriv den CSV-overskriftslinje, som et salgsteam udfylder, eller spørgsmålene som JSON til integrationer.',
    # cli.py:296
    "Score every row of a CSV export (one column per question: see 'clientscreen template').":
        "Beregn scoren for hver række i en CSV-eksport (én kolonne for hvert spørgsmål: se 'clientscreen template').",
    # cli.py:383
    'Lint rulebooks: schema, references, skip logic, score arithmetic, texts. Errors exit 1.':
        'Tjek regelsæt: skema, henvisninger, springlogik, scoreberegning, tekster. Fejl giver exitkode 1.',
    # cli.py:417
    'Run the golden cases beside each rulebook (inline cases: or a cases/ folder) and report coverage.': (
        'Kør referencecasene ved siden af hvert regelsæt (cases: i selve filen eller en cases/-mappe), og vis '
        'dækningen.'
    ),
    # cli.py:444
    'Re-score prospects under two rulebooks: which verdicts change, by how much, and because of which answers.': (
        'Beregn kundeemners score under to regelsæt: hvilke vurderinger der ændrer sig, hvor meget, og på grund af '
        'hvilke svar.'
    ),
    # cli.py:474
    "Print the rulebook's JSON Schema, for editors (yaml-language-server) and other tools.":
        'Udskriv regelsættets JSON Schema til editorer (yaml-language-server) og andre værktøjer.',
    # cli.py:486
    'Show a rulebook for review: categories, questions, answers, points, knock-outs, thresholds.':
        'Vis et regelsæt til gennemsyn: kategorier, spørgsmål, svar, point, knockouts, tærskler.',
    # cli.py:198
    (
        "the interview needs a terminal; without one, score answers files with 'clientscreen report FILE' or a CSV "
        "with 'clientscreen score FILE'"
    ): (
        "interviewet kræver en terminal; uden en kan du score svarfiler med 'clientscreen report FILE' og en CSV-fil "
        "med 'clientscreen score FILE'"
    ),
    # cli.py:202
    '--resume continues a file as it is; it takes neither --out nor --prospect':
        '--resume fortsætter en fil, som den er; den kan ikke bruges sammen med --out eller --prospect',
    # cli.py:230
    'Answers are saved to {path} as you go.': 'Svarene gemmes løbende i {path}.',
    # cli.py:235
    'Answers saved to {path}': 'Svarene er gemt i {path}',
    # cli.py:251
    'The rulebook has changed since {path} was started.': 'Regelsættet er ændret, siden {path} blev påbegyndt.',
    # cli.py:261
    'clientscreen: {what}; nothing was saved yet': 'clientscreen: {what}; intet er gemt endnu',
    # cli.py:325
    '--decimal takes , or . (got {given!r})': '--decimal skal være , eller . (ikke {given!r})',
    # cli.py:352
    '{rows}: {verdicts}, {errors}; {speed} rows/s': '{rows}: {verdicts}, {errors}; {speed} rækker/s',
    # cli.py:52
    'Rulebook file (default: the bundled rulebook).': 'Fil med regelsæt (standard: det medfølgende regelsæt).',
    # cli.py:59
    'Write here instead of standard output (atomically).': 'Skriv hertil i stedet for til standardoutput (atomisk).',
    # cli.py:79
    'Language of everything shown: en, da, he or ru (default: $CLIENTSCREEN_LANG, else the locale).':
        'Sprog for alt, der vises: en, da, he eller ru (standard: $CLIENTSCREEN_LANG, ellers systemets locale).',
    # cli.py:253
    '{question}: {reason}; kept in the file, asked again where it still applies':
        '{question}: {reason}; bliver i filen og stilles igen, hvor spørgsmålet stadig gælder',
    # cli.py:340
    'Scoring': 'Beregner score',
    # cli.py:347
    '… and {n} more row with errors (see the error column)': (
        '… og {n} række mere med fejl (se fejlkolonnen)',
        '… og {n} rækker mere med fejl (se fejlkolonnen)',
    ),
    # cli.py:373
    (
        'Rulebook files or folders; a file in a cases/ folder stands for the rulebooks beside it (default: '
        '$CLIENTSCREEN_RULES or the bundled one).'
    ): (
        'Filer eller mapper med regelsæt; en fil i en cases/-mappe står for regelsættene ved siden af mappen '
        '(standard: $CLIENTSCREEN_RULES eller det medfølgende).'
    ),
    # cli.py:352
    '{n} row': ('{n} række', '{n} rækker'),
    # cli.py:534
    'clientscreen: internal error: {kind}: {error} (run with --debug for details)':
        'clientscreen: intern fejl: {kind}: {error} (kør med --debug for at se detaljer)',
    # cli.py:114
    'Show the version and exit.': 'Vis versionen, og afslut.',
    # cli.py:116
    'Show tracebacks for errors.': 'Vis tracebacks ved fejl.',
    # cli.py:145
    'Answers file (YAML or JSON).': 'Svarfil (YAML eller JSON).',
    # cli.py:147
    'Output format.': 'Outputformat.',
    # cli.py:183
    'Answers file to create (default: screenings/NAME-DATE.yaml).':
        'Svarfilen, der skal oprettes (standard: screenings/NAVN-DATO.yaml).',
    # cli.py:186
    'Continue an interview from its answers file.': 'Fortsæt et interview fra dets svarfil.',
    # cli.py:189
    "The prospect's name; asked if not given.": 'Kundeemnets navn; du bliver spurgt, hvis det ikke er angivet.',
    # cli.py:284
    'csv: a header to fill in; json: the questions.':
        'csv: en overskriftslinje, der skal udfyldes; json: spørgsmålene.',
    # cli.py:298
    'CSV export to score, or - for standard input.': 'CSV-eksporten, der skal scores, eller - for standardinput.',
    # cli.py:301
    'Write here (atomically), or - for standard output.': 'Skriv hertil (atomisk), eller - for standardoutput.',
    # cli.py:303
    'csv, jsonl (full assessments) or table.': 'csv, jsonl (fulde vurderinger) eller table.',
    # cli.py:305
    'Column that identifies a row (default: id).': 'Kolonnen, der identificerer en række (standard: id).',
    # cli.py:307
    'e.g. cp1252; default UTF-8 (BOM-aware).': 'f.eks. cp1252; standard: UTF-8 (genkender BOM).',
    # cli.py:310
    'Field separator (, ; | or tab); default: detected.':
        'Feltadskiller (, ; | eller tab); standard: findes automatisk.',
    # cli.py:312
    'Decimal mark in numbers: , or .': 'Decimaltegn i tal: , eller .',
    # cli.py:313
    'Stop at the first bad row.': 'Stop ved den første række med fejl.',
    # cli.py:314
    'Processes to score with.': 'Antal processer, der beregner scoren.',
    # cli.py:315
    'No progress bar and no summary.': 'Ingen fremdriftsbjælke og intet resumé.',
    # cli.py:389
    'text, json or github (default: github when GITHUB_ACTIONS=true).':
        'text, json eller github (standard: github, når GITHUB_ACTIONS=true).',
    # cli.py:392
    'Warnings fail the check too.': 'Advarsler får også tjekket til at fejle.',
    # cli.py:395
    (
        'The rulebook before the edit (a file, REV:PATH or a git revision such as HEAD), to make sure its version was '
        'bumped.'
    ): (
        'Regelsættet før ændringen (en fil, REV:PATH eller en git-revision som HEAD), så det kan tjekkes, at versionen '
        'er hævet.'
    ),
    # cli.py:423
    'Fail when the cases cover less.': 'Afslut med fejl, hvis casene dækker mindre.',
    # cli.py:426
    'Also write JUnit XML here.': 'Skriv også JUnit-XML hertil.',
    # cli.py:447
    'Rulebook before the edit: a file or REV:PATH.': 'Regelsættet før ændringen: en fil eller REV:PATH.',
    # cli.py:448
    'Rulebook after the edit: a file or REV:PATH.': 'Regelsættet efter ændringen: en fil eller REV:PATH.',
    # cli.py:450
    'A CSV export or a folder of answers files.': 'En CSV-eksport eller en mappe med svarfiler.',
    # cli.py:452
    'text, markdown (for a pull request) or json.': 'text, markdown (til en pull request) eller json.',
    # cli.py:454
    'Exit 1 if any verdict changes.': 'Afslut med 1, hvis en vurdering ændrer sig.',
    # cli.py:490
    'Rulebook file (default: the bundled one).': 'Fil med regelsæt (standard: det medfølgende).',
    # cli.py:225
    'Prospect name:': 'Kundeemnets navn:',
    # cli.py:226
    'Company (optional):': 'Virksomhed (valgfrit):',
    # cli.py:227
    'Contact (optional):': 'Kontakt (valgfrit):',
    # csvinput.py:37
    'try --encoding cp1252 (Danish Excel), cp1251 (Russian) or cp1255 (Hebrew), or save as CSV UTF-8':
        'prøv --encoding cp1252 (dansk Excel), cp1251 (russisk) eller cp1255 (hebraisk), eller gem som CSV UTF-8',
    # csvinput.py:261
    'is not {encoding} text at byte {offset} (0x{byte:02x}); {hint}':
        'er ikke {encoding}-tekst ved byte {offset} (0x{byte:02x}); {hint}',
    # csvinput.py:111
    'a field is larger than {size} KiB': 'et felt er større end {size} KiB',
    # csvinput.py:113
    'a quote opened on this line is never closed': 'et anførselstegn, der åbnes i denne linje, bliver aldrig lukket',
    # csvinput.py:115
    'text follows a closing quote; a quote inside a quoted field is written twice ("")': (
        'der står tekst efter et afsluttende anførselstegn; et anførselstegn inde i et felt i anførselstegn skrives '
        'dobbelt ("")'
    ),
    # csvinput.py:134
    "--delimiter takes one character (or 'tab'), got {delimiter!r}":
        "--delimiter skal være ét tegn (eller 'tab'), ikke {delimiter!r}",
    # csvinput.py:136
    '--delimiter cannot be {delimiter!r}': '--delimiter kan ikke være {delimiter!r}',
    # csvinput.py:144
    'unknown encoding {encoding!r}; try cp1252, cp1251, cp1255 or utf-16':
        'ukendt tegnkodning {encoding!r}; prøv cp1252, cp1251, cp1255 eller utf-16',
    # csvinput.py:185
    'column {column} repeats the header {header!r} of column {first}; rename or remove one':
        'kolonne {column} gentager overskriften {header!r} fra kolonne {first}; omdøb eller fjern den ene',
    # csvinput.py:283
    'is empty: no header, no rows': 'er tom: ingen overskriftslinje, ingen rækker',
    # csvinput.py:302
    'is not {encoding} text; {hint}': 'er ikke {encoding}-tekst; {hint}',
    # csvinput.py:175
    'has no header line: export it with column names': 'har ingen overskriftslinje: eksportér den med kolonnenavne',
    # csvinput.py:178
    (
        'has NUL bytes in its header line: if it is UTF-16 without a byte order mark, try --encoding utf-16-le (or '
        'utf-16-be)'
    ): (
        'har NUL-bytes i overskriftslinjen: er den UTF-16 uden byte order mark (BOM), så prøv --encoding utf-16-le '
        '(eller utf-16-be)'
    ),
    # csvinput.py:198, safeyaml.py:144
    'is a folder, not a file': 'er en mappe, ikke en fil',
    # csvinput.py:200, safeyaml.py:146
    'cannot read: {reason}': 'kan ikke læses: {reason}',
    # csvinput.py:77
    'has {n} field; the header has {width}': (
        'har {n} felt; overskriftslinjen har {width}',
        'har {n} felter; overskriftslinjen har {width}',
    ),
    # csvinput.py:84
    'contains a NUL byte': 'indeholder en NUL-byte',
    # diff.py:306
    '{prospects}: {changed}, {score_only}, {unchanged}': '{prospects}: {changed}, {score_only}, {unchanged}',
    # diff.py:336
    'score {old} -> {new} ({delta:+d})': 'score {old} -> {new} ({delta:+d})',
    # diff.py:352, diff.py:389
    'old \\ new': 'gammel \\ ny',
    # diff.py:34, rulebook.py:59
    'take': 'sig ja',
    # diff.py:34, rulebook.py:59
    'negotiate': 'forhandl',
    # diff.py:34, rulebook.py:59
    'decline': 'sig nej',
    # diff.py:335
    'score {old} -> {new}': 'score {old} -> {new}',
    # diff.py:345
    'rules diff: {old} -> {new}': 'sammenligning af regelsæt: {old} -> {new}',
    # diff.py:378
    '### Rulebook impact: `{old_id} {old_version}` -> `{new_id} {new_version}`':
        '### Effekt af ændret regelsæt: `{old_id} {old_version}` -> `{new_id} {new_version}`',
    # diff.py:381
    'Old: {old}, new: {new}. {headline}.': 'Gammelt: {old}, nyt: {new}. {headline}.',
    # diff.py:60
    'git exited with {code}': 'git afsluttede med kode {code}',
    # diff.py:197
    '{points}, knock-out {verdict}': '{points}, knockout til „{verdict}“',
    # diff.py:282
    'thresholds: {change}': 'tærskler: {change}',
    # diff.py:308
    '{n} prospect': ('{n} kundeemne', '{n} kundeemner'),
    # diff.py:309
    '{n} changed verdict': ('{n} med ændret vurdering', '{n} med ændret vurdering'),
    # diff.py:310
    '{n} changed score only': ('{n} med kun ændret score', '{n} med kun ændret score'),
    # diff.py:311
    '{n} unchanged': ('{n} uændret', '{n} uændrede'),
    # diff.py:359
    '{old} to {new}: {count}': 'fra „{old}“ til „{new}“: {count}',
    # diff.py:386
    '**Thresholds changed**: {change}': '**Tærskler ændret**: {change}',
    # diff.py:396
    '#### Changed verdicts': '#### Ændrede vurderinger',
    # diff.py:116
    'holds no answers files (*.yaml, *.yml, *.json)': 'indeholder ingen svarfiler (*.yaml, *.yml, *.json)',
    # diff.py:189
    'not in the rulebook': 'ikke i regelsættet',
    # diff.py:190
    'not scored': 'ikke scoret',
    # diff.py:191
    'skipped': 'sprunget over',
    # diff.py:192, interview.py:225
    'unknown': 'ukendt',
    # diff.py:369
    'the thresholds moved': 'tærsklerne er flyttet',
    # diff.py:46
    "a git revision cannot start with '-'": "en git-revision kan ikke starte med '-'",
    # diff.py:63
    'git cannot read it: {reason}': 'git kan ikke læse den: {reason}',
    # diff.py:65
    'is larger than {size} KiB': 'er større end {size} KiB',
    # diff.py:370
    'no answer counts differently: {reason}': 'intet svar tæller anderledes: {reason}',
    # diff.py:55
    'git is not installed; give the old rulebook as a file':
        'git er ikke installeret; angiv det gamle regelsæt som en fil',
    # diff.py:57
    'git did not answer within {seconds} s': 'git svarede ikke inden for {seconds} s',
    # diff.py:69
    'is not UTF-8 text': 'er ikke UTF-8-tekst',
    # errors.py:93
    'No such file or directory': 'Filen eller mappen findes ikke',
    # errors.py:94
    'Permission denied': 'Adgang nægtet',
    # errors.py:95
    'Operation not permitted': 'Handlingen er ikke tilladt',
    # errors.py:96
    'Is a directory': 'Er en mappe',
    # errors.py:97
    'Not a directory': 'Er ikke en mappe',
    # errors.py:98
    'No space left on device': 'Der er ikke mere plads på enheden',
    # errors.py:99
    'Disk quota exceeded': 'Diskkvoten er overskredet',
    # errors.py:100
    'Read-only file system': 'Skrivebeskyttet filsystem',
    # errors.py:101
    'File exists': 'Filen findes allerede',
    # errors.py:102
    'File name too long': 'Filnavnet er for langt',
    # errors.py:103
    'Input/output error': 'Input/output-fejl',
    # errors.py:48
    'warning: {message}': 'advarsel: {message}',
    # i18n.py:58
    '{source} {value!r} is not a language clientscreen speaks; use one of {languages}':
        '{source} {value!r} er ikke et sprog, clientscreen taler; brug et af sprogene {languages}',
    # interview.py:238
    'a number or a value': 'et nummer eller et svar',
    # interview.py:231
    'y/n': 'j/n',
    # interview.py:233
    'a number, in {unit}': 'et tal i {unit}',
    # interview.py:235
    'any text, or Enter to skip': 'fri tekst eller Enter for at springe over',
    # interview.py:197
    'this is the first question': 'dette er det første spørgsmål',
    # interview.py:220
    '{answer} (no longer allowed)': '{answer} (ikke længere tilladt)',
    # interview.py:120, scoring.py:113
    'no such question in this rulebook': 'spørgsmålet findes ikke i dette regelsæt',
    # interview.py:276
    'type a question number, or {finish} to finish': 'skriv nummeret på et spørgsmål eller {finish} for at afslutte',
    # lint.py:69
    'the file cannot be read as YAML': 'filen kan ikke læses som YAML',
    # lint.py:70
    "the rulebook does not fit the schema (see 'clientscreen rules schema')":
        "regelsættet passer ikke til skemaet (se 'clientscreen rules schema')",
    # lint.py:71
    'a rule of the rulebook format is broken (answers of a yes/no, bands, units)':
        'en regel for regelsættets format er brudt (svarene på et ja/nej-spørgsmål, intervaller, enheder)',
    # lint.py:72
    'duplicate id: category, question, answer value or case name':
        'dobbelt id: kategori, spørgsmål, svarværdi eller casenavn',
    # lint.py:73
    'reference to an unknown category, question or answer value':
        'henvisning til en ukendt kategori, et ukendt spørgsmål eller en ukendt svarværdi',
    # lint.py:74
    'skip logic points to a later question': 'springlogikken peger på et senere spørgsmål',
    # lint.py:75
    'skip logic loops': 'springlogikken går i ring',
    # lint.py:76
    'a case answer the parser cannot read': 'et svar i en case, som ikke kan læses',
    # lint.py:77
    'a case does not fit the case format': 'en case følger ikke formatet for cases',
    # lint.py:78
    'a knock-out that can never be asked': 'en knockout på et spørgsmål, der aldrig kan blive stillet',
    # lint.py:79
    'a verdict no set of answers can give': 'en vurdering, som ingen kombination af svar kan give',
    # lint.py:80
    'a verdict band no score reaches (only knock-outs give that verdict)':
        'et vurderingsinterval, som ingen score når (kun knockouts giver den vurdering)',
    # lint.py:81
    'thresholds out of order': 'tærsklerne står i forkert rækkefølge',
    # lint.py:82
    'a question that can never change any verdict': 'et spørgsmål, der aldrig kan ændre en vurdering',
    # lint.py:83
    'a category without why, advice or source text': 'en kategori uden tekst i why, advice eller source',
    # lint.py:84
    'a negotiable answer without the term to propose': 'et svar til forhandling uden et vilkår at foreslå',
    # lint.py:85
    'a negotiable term that secures no better an answer': 'et vilkår til forhandling, der ikke sikrer et bedre svar',
    # lint.py:86
    'a text without its translation into a language the rulebook is written in':
        'en tekst, der mangler sin oversættelse til et af regelsættets sprog',
    # lint.py:87
    'two answers to one question that a user would type the same way':
        'to svar på samme spørgsmål, som en bruger ville skrive på samme måde',
    # lint.py:88
    'the content changed but the version did not': 'indholdet er ændret, men versionen er ikke',
    # lint.py:89
    'the old rulebook to compare with cannot be read': 'det gamle regelsæt, der skal sammenlignes med, kan ikke læses',
    # lint.py:126
    '{path}: cannot be checked': '{path}: kan ikke tjekkes',
    # lint.py:157
    '--old names one rulebook; with several paths give a git revision, e.g. --old HEAD':
        '--old angiver ét regelsæt; med flere stier skal du angive en git-revision, f.eks. --old HEAD',
    # lint.py:179, rulebook.py:331
    'a rulebook is a mapping with id, version, questions, …': 'et regelsæt er en mapping med id, version, questions, …',
    # lint.py:324
    'its skip logic loops': 'dets springlogik går i ring',
    # lint.py:403
    'English': 'engelsk',
    # lint.py:403
    'Danish': 'dansk',
    # lint.py:403
    'Hebrew': 'hebraisk',
    # lint.py:403
    'Russian': 'russisk',
    # lint.py:527
    '{errors}, {warnings} in {files}': '{errors}, {warnings} i {files}',
    # lint.py:129
    '{n} category': ('{n} kategori', '{n} kategorier'),
    # lint.py:130
    '{n} question': ('{n} spørgsmål', '{n} spørgsmål'),
    # lint.py:134
    'scores from {low} to {high}': 'score fra {low} til {high}',
    # lint.py:226
    'decline must be above negotiate (negotiate {negotiate}, decline {decline})':
        'decline skal være større end negotiate (negotiate {negotiate}, decline {decline})',
    # lint.py:285
    'skip logic loops: {loop}': 'springlogikken går i ring: {loop}',
    # lint.py:292
    'skip logic refers to unknown question {question!r}':
        'springlogikken henviser til et ukendt spørgsmål {question!r}',
    # lint.py:299
    'skip logic points forward: {target!r} is asked after {question!r}; move {question!r} below it':
        'springlogikken peger fremad: {target!r} stilles efter {question!r}; flyt {question!r} ned under det',
    # lint.py:326
    'it depends on unknown question {question!r}': 'det afhænger af et ukendt spørgsmål {question!r}',
    # lint.py:340
    'knock-out {question}={answer} can never be asked: {reason}':
        'knockouten {question}={answer} kan aldrig udløses, fordi spørgsmålet aldrig bliver stillet: {reason}',
    # lint.py:521
    '{path}: checked ({summary})': '{path}: tjekket ({summary})',
    # lint.py:523
    '{path}: ok ({summary})': '{path}: i orden ({summary})',
    # lint.py:239
    'duplicate category id {id!r} (first at line {line})': 'dobbelt kategori-id {id!r} (første gang i linje {line})',
    # lint.py:241
    'duplicate question id {id!r} (first at line {line})': 'dobbelt spørgsmåls-id {id!r} (første gang i linje {line})',
    # lint.py:251, lint.py:263, rulebook.py:450, rulebook.py:420
    'unknown category {category!r}': 'ukendt kategori {category!r}',
    # lint.py:269, lint.py:307
    '{question!r} has no answer {answer!r}': '{question!r} har intet svar {answer!r}',
    # lint.py:328
    'no answer to {question!r} asks it': 'intet svar på {question!r} fører til, at det bliver stillet',
    # lint.py:375
    '{question!r} is negotiable but its term is blank: write what to propose':
        '{question!r} kan forhandles, men vilkåret er tomt: skriv, hvad der skal foreslås',
    # lint.py:387
    'the term secures {answer!r}, which scores no better than any other answer to {question!r}':
        'vilkåret sikrer {answer!r}, som ikke giver en bedre score end noget andet svar på {question!r}',
    # lint.py:446
    (
        'the content changed since {old} but the version is still {version!r}; bump it, since answers files record the '
        'version they were given against'
    ): (
        'indholdet er ændret siden {old}, men versionen er stadig {version!r}; hæv den, for svarfiler gemmer den '
        'version, de blev besvaret ud fra'
    ),
    # lint.py:530
    '{n} warning': ('{n} advarsel', '{n} advarsler'),
    # lint.py:531
    '{n} file': ('{n} fil', '{n} filer'),
    # lint.py:258
    'duplicate answer {answer!r} in {question!r}': 'dobbelt svar {answer!r} i {question!r}',
    # lint.py:330
    '{question!r}, which it depends on, can never be asked':
        '{question!r}, som det afhænger af, kan aldrig blive stillet',
    # lint.py:364
    'category {category!r} has no {field} text: write it for the reader':
        'kategorien {category!r} har ingen tekst i {field}: skriv den til læseren',
    # lint.py:398
    'no {language} text ({lang}); readers in {language} see the English here':
        'ingen tekst på {language} ({lang}); læsere på {language} ser den engelske her',
    # lint.py:415
    'the label {label!r} reads like answer {other!r} of {question!r}; typed, it means that one':
        'svarteksten {label!r} ligner svaret {other!r} på {question!r}; skrives den, betyder den det svar',
    # report.py:116
    'take below {negotiate} · negotiate {negotiate} to {last} · decline from {decline}':
        'sig ja under {negotiate} · forhandl {negotiate} til {last} · sig nej fra {decline}',
    # report.py:227, rulebookview.py:35
    'Category': 'Kategori',
    # report.py:228, rulebookview.py:62
    'Points': 'Point',
    # report.py:259
    'Score {score}': 'Samlet score {score}',
    # report.py:263
    'Evidence: {share} of the points at stake answered': 'Grundlag: svar på {share} af de point, der er på spil',
    # report.py:296
    'Prospect': 'Kundeemne',
    # report.py:300
    'Score **{score}** ({bands}); evidence {share}.': 'Samlet score **{score}** ({bands}); grundlag {share}.',
    # report.py:124
    '{n} point from a worse verdict': ('{n} point fra en dårligere vurdering', '{n} point fra en dårligere vurdering'),
    # report.py:127
    '{n} point from a better one': ('{n} point fra en bedre', '{n} point fra en bedre'),
    # report.py:182, report.py:308
    'Red flags': 'Røde flag',
    # report.py:182, report.py:308
    'Green flags': 'Grønne flag',
    # report.py:265
    '; below {share}, so ask more before deciding': '; under {share}, så spørg mere, før du beslutter dig',
    # report.py:175, report.py:305
    'Knock-outs': 'Knockouts',
    # report.py:190, report.py:319
    'Put on the table: would make it {verdict}': 'Vilkår at lægge på bordet: ville ændre vurderingen til „{verdict}“',
    # report.py:202
    'Still unknown: ask these next': 'Stadig ukendt: spørg om dette næste gang',
    # report.py:215
    'By category': 'Pr. kategori',
    # report.py:254, report.py:298
    'provisional': 'FORELØBIG',
    # report.py:257
    'The score alone says {verdict}; a knock-out overrides it.':
        'Scoren alene giver „{verdict}“, men en knockout tilsidesætter den.',
    # report.py:269
    'Contact:': 'Kontakt:',
    # report.py:271, report.py:303
    'Notes:': 'Noter:',
    # report.py:286, report.py:316
    'Why:': 'Hvorfor det er vigtigt:',
    # report.py:287, report.py:316
    'Do:': 'Det gør du:',
    # report.py:288
    'Source:': 'Kilde:',
    # report.py:322
    'Still unknown': 'Stadig ukendt',
    # report.py:198
    'Put on the table': 'Vilkår at lægge på bordet',
    # report.py:199
    'No negotiable term would change this verdict.': 'Intet vilkår til forhandling ville ændre denne vurdering.',
    # report.py:211
    '… and {n} more': ('… og {n} mere', '… og {n} mere'),
    # report.py:179
    # report.py:194
    '{points} point': ('{points} point', '{points} point'),
    # report.py:206
    'can knock out': 'kan give knockout',
    # rulebook.py:381
    'should be text, or a map of language to text (en: …, da: …), got {given!r}':
        'skal være en tekst eller en mapping fra sprog til tekst (en: …, da: …), ikke {given!r}',
    # rulebook.py:378, rulebook.py:365
    'is empty; write the text after the colon': 'er tom; skriv teksten efter kolonet',
    # rulebook.py:380, rulebook.py:367
    'YAML reads this unquoted value as the number {given!r}; quote it to keep it as written': (
        'YAML læser denne værdi uden anførselstegn som tallet {given!r}; sæt den i anførselstegn, så den bliver, som '
        'den er skrevet'
    ),
    # rulebook.py:350
    '{key!r} is not a language of clientscreen; texts are given in {languages}':
        '{key!r} er ikke et af clientscreens sprog; tekster skrives på {languages}',
    # rulebook.py:166
    'yes': 'ja',
    # rulebook.py:166
    'no': 'nej',
    # rulebook.py:353
    'the English text (en) is required: other languages fall back to it':
        'den engelske tekst (en) er påkrævet: de andre sprog falder tilbage på den',
    # rulebook.py:406
    'decline must be above negotiate': 'decline skal være større end negotiate',
    # rulebook.py:445
    'a {type} question needs answers': 'et {type}-spørgsmål skal have svar',
    # rulebook.py:456
    'a yesno question has exactly the answers yes and no': 'et yesno-spørgsmål har præcis svarene yes og no',
    # rulebook.py:410
    'duplicate category id {id!r}': 'dobbelt kategori-id {id!r}',
    # rulebook.py:416
    'duplicate question id {id!r}': 'dobbelt spørgsmåls-id {id!r}',
    # rulebook.py:418
    'a {type} question needs the category of the flag it raises':
        'et {type}-spørgsmål skal have kategorien for det flag, det rejser',
    # rulebook.py:426
    'refers to a later question {question!r}': 'henviser til et senere spørgsmål {question!r}',
    # rulebook.py:427
    'refers to an unknown question {question!r}': 'henviser til et ukendt spørgsmål {question!r}',
    # rulebook.py:435
    'no answer {value!r} in this question': 'spørgsmålet har intet svar {value!r}',
    # rulebook.py:442
    'a note never scores; remove its answers': 'et note-spørgsmål giver aldrig point; fjern dets svar',
    # rulebook.py:452
    'duplicate answer {value!r}': 'dobbelt svar {value!r}',
    # rulebook.py:454
    'only number questions have bands': 'kun number-spørgsmål har intervaller',
    # rulebook.py:357
    'unknown field {field!r}; check its spelling': 'ukendt felt {field!r}; tjek stavningen',
    # rulebook.py:460
    'a scale has whole-number answers in steps of 1, e.g. 1 to 5':
        'et scale-spørgsmål har heltal som svar i trin på 1, f.eks. 1 til 5',
    # rulebook.py:359
    'field {field!r} is required': 'feltet {field!r} er påkrævet',
    # rulebook.py:463
    'a number question needs its unit': 'et number-spørgsmål skal have en enhed (unit)',
    # rulebook.py:466
    "the last band has no upper bound; remove 'below'": "det sidste interval har ingen øvre grænse; fjern 'below'",
    # rulebook.py:474
    'choice answers are snake_case words (numbers are for scales)':
        'svar på choice-spørgsmål er ord i snake_case (tal er til scale)',
    # rulebook.py:361
    '{message}, got {given!r}': '{message}, ikke {given!r}',
    # rulebook.py:432
    '{question!r} has no answer {value!r}': '{question!r} har intet svar {value!r}',
    # rulebook.py:469
    "bands go up: each 'below' is larger than the one before":
        "intervallerne går opad: hver 'below' er større end den forrige",
    # rulebook.py:472
    "every band but the last needs 'below'": "alle intervaller undtagen det sidste skal have 'below'",
    # rulebook.py:363
    '{given!r} is not an id: use lower-case letters, digits and _ (quote yes and no)':
        '{given!r} er ikke et id: brug små bogstaver, cifre og _ (sæt yes og no i anførselstegn)',
    # rulebook.py:370
    '{message}, got {given!r}; quote it': '{message}, ikke {given!r}; sæt den i anførselstegn',
    # rulebookview.py:23
    'red': 'rød',
    # rulebookview.py:23
    'green': 'grøn',
    # rulebookview.py:23
    'ethics': 'etik',
    # rulebookview.py:61
    'Answer': 'Svar',
    # rulebookview.py:63
    'Notes': 'Noter',
    # rulebookview.py:27
    'take below {negotiate} · negotiate {negotiate} to {last} · decline from {decline}; answers reach {low} to {high}':
        (
            'sig ja under {negotiate} · forhandl {negotiate} til {last} · sig nej fra {decline}; svarene kan give '
            '{low} til {high}'
        ),
    # rulebookview.py:35
    'Kind': 'Type',
    # rulebookview.py:78
    'below {bound}': 'under {bound}',
    # rulebookview.py:79
    'knock-out: {verdict}': 'knockout: {verdict}',
    # rulebookview.py:80
    'flag: {category}': 'rejser flaget {category}',
    # rulebookview.py:32, rulebookview.py:35
    'Categories': 'Kategorier',
    # rulebookview.py:48
    'asked if {question} is {values}': 'stilles, hvis {question} er {values}',
    # rulebookview.py:51
    'negotiable to {value}: {term}': 'kan forhandles til {value}: {term}',
    # rulebookview.py:49
    ' or ': ' eller ',
    # safeyaml.py:148
    'is larger than {size} KiB; this is not a hand-written file':
        'er større end {size} KiB; det er ikke en håndskrevet fil',
    # safeyaml.py:223
    '{constant} is not a number a file may contain': '{constant} er ikke et tal, en fil må indeholde',
    # safeyaml.py:239
    'U+{code:04X} ends a line for some readers and not for others; delete it':
        'tegnet U+{code:04X} afslutter en linje i nogle programmer, men ikke i andre; slet det',
    # safeyaml.py:275
    'control character {character} is not allowed; delete it': 'kontroltegnet {character} er ikke tilladt; slet det',
    # safeyaml.py:279
    'not valid YAML': 'ikke gyldig YAML',
    # safeyaml.py:281
    'a tab character here; YAML indents with spaces': 'et tabulatortegn her; YAML indrykker med mellemrum',
    # safeyaml.py:157
    'is not UTF-8 text (byte 0x{byte:02x}); save it as UTF-8':
        'er ikke UTF-8-tekst (byte 0x{byte:02x}); gem den som UTF-8',
    # safeyaml.py:75
    'aliases (*name) are not allowed; write the value out': 'aliasser (*navn) er ikke tilladt; skriv værdien helt ud',
    # safeyaml.py:77
    'anchors (&name) are not allowed; write each value out': 'ankre (&navn) er ikke tilladt; skriv hver værdi helt ud',
    # safeyaml.py:80
    'tags ({tag}) are not allowed; quote the value if it is text':
        'tags ({tag}) er ikke tilladt; sæt værdien i anførselstegn, hvis den er tekst',
    # safeyaml.py:83
    'nested more than {depth} levels deep': 'indlejret mere end {depth} niveauer dybt',
    # safeyaml.py:217
    'duplicate key {key!r}': 'dobbelt nøgle {key!r}',
    # safeyaml.py:323
    'cannot read value {value!r}: {error}': 'kan ikke læse værdien {value!r}: {error}',
    # safeyaml.py:262
    'not valid YAML: {error}': 'ikke gyldig YAML: {error}',
    # safeyaml.py:264, safeyaml.py:188
    'nested too deeply': 'indlejret for dybt',
    # safeyaml.py:295
    'a key must be plain text': 'en nøgle skal være almindelig tekst',
    # safeyaml.py:298
    'key {key!r} must be text; quote it': 'nøglen {key!r} skal være tekst; sæt den i anførselstegn',
    # safeyaml.py:302
    'duplicate key {key!r} (first at line {line}); keep one':
        'dobbelt nøgle {key!r} (første gang i linje {line}); behold én',
    # screening.py:108
    'already exists; to continue it use --resume {path}': 'findes allerede; brug --resume {path} for at fortsætte den',
    # screening.py:76
    'another interview has this file open; finish that one first':
        'et andet interview har filen åben; gør det færdigt først',
    # terminal.py:104
    '{key} back': '{key} tilbage',
    # terminal.py:104
    '{key} why': '{key} hvorfor',
    # terminal.py:40
    'The interview was interrupted': 'Interviewet blev afbrudt',
    # terminal.py:41
    'The input ended (Ctrl-D)': 'Inputtet sluttede (Ctrl-D)',
    # terminal.py:42
    'The terminal was closed': 'Terminalen blev lukket',
    # terminal.py:43
    'The interview was terminated': 'Interviewet blev stoppet',
    # terminal.py:82
    'This one is needed.': 'Det her felt skal udfyldes.',
    # terminal.py:103
    '{key} unknown': '{key} ukendt',
    # terminal.py:106
    'now: {answer}': 'nu: {answer}',
    # terminal.py:128
    'Review your answers': 'Gennemgå dine svar',
    # terminal.py:135
    'Type a number to change that answer, or {finish} to finish.':
        'Skriv et nummer for at ændre det svar, eller {finish} for at afslutte.',
    # terminal.py:118
    'Nothing scores on this question; it is for your notes.': 'Spørgsmålet giver ingen point; det er til dine noter.',
    # terminal.py:121
    'Why: {text}': 'Hvorfor det er vigtigt: {text}',
    # terminal.py:122
    'Do: {text}': 'Det gør du: {text}',
    # terminal.py:123
    'Source: {article}, {section}': 'Kilde: {article}, {section}',
    # validation.py:75
    'Input should be less than or equal to {bound}': 'Værdien skal være mindre end eller lig med {bound}',
    # validation.py:83
    '{choices} or {last}': '{choices} eller {last}',
    # validation.py:25
    'Input should be {expected}': 'Værdien skal være {expected}',
    # validation.py:28
    'String should have at least {n} character': (
        'Teksten skal have mindst {n} tegn',
        'Teksten skal have mindst {n} tegn',
    ),
    # validation.py:31
    'String should have at most {n} character': ('Teksten må højst have {n} tegn', 'Teksten må højst have {n} tegn'),
    # validation.py:34
    'List should have at least {n} item': (
        'Listen skal have mindst {n} element',
        'Listen skal have mindst {n} elementer',
    ),
    # validation.py:43, validation.py:44
    'Input should be a valid integer': 'Værdien skal være et heltal',
    # validation.py:45
    'Input should be a valid integer, got a number with a fractional part':
        'Værdien skal være et heltal, ikke et decimaltal',
    # validation.py:46, validation.py:47
    'Input should be a valid number': 'Værdien skal være et tal',
    # validation.py:48
    'Input should be a finite number': 'Værdien skal være et endeligt tal',
    # validation.py:49
    'Input should be a valid string': 'Værdien skal være en tekst',
    # validation.py:50
    'Input should be a valid boolean': 'Værdien skal være en sandhedsværdi (true eller false)',
    # validation.py:51
    'Input should be a valid list': 'Værdien skal være en liste',
    # validation.py:52, validation.py:53, validation.py:54
    'Input should be a valid dictionary': 'Værdien skal være en mapping',
    # validation.py:55
    'Field required': 'Feltet er påkrævet',
    # validation.py:56
    'Extra inputs are not permitted': 'Ekstra felter er ikke tilladt',
    # validation.py:70
    'Input should be greater than {bound}': 'Værdien skal være større end {bound}',
    # validation.py:72
    'Input should be greater than or equal to {bound}': 'Værdien skal være større end eller lig med {bound}',
    # validation.py:74
    'Input should be less than {bound}': 'Værdien skal være mindre end {bound}',
    # report.py, cli.py, diff.py: whole phrases where pieces were glued
    '{count} {verdict}': '{verdict}: {count}',
    '→ at least negotiate': '→ mindst „forhandl“',
    '→ decline': '→ „sig nej“',
    '{title}: at least negotiate ({question})': '{title}: mindst „forhandl“ ({question})',
    '{title}: decline ({question})': '{title}: „sig nej“ ({question})',
    'negotiate {old_negotiate} -> {new_negotiate}, decline {old_decline} -> {new_decline}':
        'forhandl {old_negotiate} -> {new_negotiate}, sig nej {old_decline} -> {new_decline}',
    'The record of every completed screening: import answers files, export, merge two spellings.':
        'Registret over alle afsluttede screeninger: importér svarfiler, eksportér, slå to stavemåder sammen.',
    '{added} recorded, {known} already in the ledger, {drafts} drafts skipped, {failed} unreadable': (
        '{added} registreret, {known} fandtes allerede i registret, {drafts} kladder sprunget over, {failed} '
        'ulæselige'
    ),
    'Record answers files (or folders of them); importing twice adds nothing.':
        'Registrér svarfiler (eller mapper med dem); at importere to gange tilføjer intet.',
    'Every screening in the ledger, as CSV or JSON Lines.': 'Alle screeninger i registret, som CSV eller JSON Lines.',
    '{n} screening of {other} now belongs to {client}; {other} is a second name for it': (
        '{n} screening af {other} hører nu til {client}; {other} er et andet navn for kunden',
        '{n} screeninger af {other} hører nu til {client}; {other} er et andet navn for kunden',
    ),
    "Treat two spellings as one client: OTHER's screenings move to CLIENT.":
        'Behandl to stavemåder som én kunde: screeningerne af OTHER flyttes til CLIENT.',
    '-o {path} is the ledger itself; write the export elsewhere':
        '-o {path} er selve registret; skriv eksporten et andet sted',
    'Ledger database (default: $CLIENTSCREEN_LEDGER, else clientscreen.db in this folder).':
        'Registrets database (standard: $CLIENTSCREEN_LEDGER, ellers clientscreen.db i denne mappe).',
    'Answers files or folders, e.g. screenings/.': 'Svarfiler eller mapper, f.eks. screenings/.',
    'csv or jsonl.': 'csv eller jsonl.',
    "Only this client's screenings.": 'Kun denne kundes screeninger.',
    'The spelling to retire.': 'Stavemåden, der udgår.',
    'The client to keep.': 'Kunden, der beholdes.',
    'Recorded in the ledger.': 'Registreret.',
    'Do not record this screening in the ledger.': 'Registrér ikke denne screening.',
    '{path}: written by a newer clientscreen (schema {found}, this one knows {known}); upgrade clientscreen':
        '{path}: skrevet af en nyere clientscreen (skema {found}, denne kender {known}); opgradér clientscreen',
    'another clientscreen kept the ledger busy for {seconds} seconds; try again':
        'en anden clientscreen har holdt registret optaget i {seconds} sekunder; prøv igen',
    '{path}: not a clientscreen ledger, or damaged ({reason})':
        '{path}: ikke et clientscreen-register, eller beskadiget ({reason})',
    '{path}: cannot open the ledger: {reason}': '{path}: kan ikke åbne registret: {reason}',
    '{path}: {first!r} and {second!r} are already one client': '{path}: {first!r} og {second!r} er allerede én kunde',
    '{path}: no client {client!r} in the ledger': '{path}: ingen kunde {client!r} i registret',
    'the ledger is read-only here': 'registret er skrivebeskyttet her',
    'Review a current client: keep, renegotiate or let go, and what changed since the last review.': (
        'Gennemgå en nuværende kunde: behold, genforhandl eller giv slip, og hvad der er ændret siden sidste '
        'gennemgang.'
    ),
    (
        "the review is an interview and needs a terminal; without one, score its answers file with 'clientscreen "
        "report FILE --rules rules/review.yaml'"
    ): (
        'gennemgangen er et interview og kræver en terminal; uden en terminal kan svarfilen scores med '
        "'clientscreen report FILE --rules rules/review.yaml'"
    ),
    "name the client to review, or --resume a review's answers file (not both)":
        'angiv kunden, der skal gennemgås, eller --resume en gennemgangs svarfil (ikke begge)',
    'The first review of {client}.': 'Første gennemgang af {client}.',
    'Since the review of {date}:': 'Siden gennemgangen {date}:',
    'Heading the wrong way.': 'På vej den forkerte vej.',
    'Heading the right way.': 'På vej den rigtige vej.',
    'Holding steady.': 'Uændret.',
    'The screening of {date} said {verdict} (score {score}).': 'Screeningen {date} sagde {verdict} (score {score}).',
    'verdict {before} → {after}, score {old} → {new} ({delta:+d})':
        'vurdering {before} → {after}, score {old} → {new} ({delta:+d})',
    '{title}: new: {now}': '{title}: ny: {now}',
    '{title}: gone (was {was})': '{title}: væk (var {was})',
    'No flag changed.': 'Intet flag er ændret.',
    "The client's name, as screened.": 'Kundens navn, som ved screeningen.',
    'Rulebook (default: the bundled review rulebook).':
        'Regelsæt (standard: det medfølgende regelsæt for gennemgange).',
    'Continue a review from its answers file.': 'Fortsæt en gennemgang fra dens svarfil.',
    '{title}: {was} → {now}, worse': '{title}: {was} → {now}, værre',
    '{title}: {was} → {now}, better': '{title}: {was} → {now}, bedre',
    'clientscreen: {what}. The answers so far are in {path}; continue with: clientscreen review --resume {path}':
        'clientscreen: {what}. Svarene indtil nu er i {path}; fortsæt med: clientscreen review --resume {path}',
    '{take} below {negotiate} · {renegotiate} {negotiate} to {last} · {decline} from {at}':
        '{take} under {negotiate} · {renegotiate} {negotiate} til {last} · {decline} fra {at}',
    'Provisional: our own side is not checked yet. Answer the questions about it before letting go.':
        'Foreløbig: vores egen side er ikke tjekket endnu. Besvar spørgsmålene om den, før I giver slip.',
    'Provisional: by our own answers part of the fault is ours. Put that right before letting go.':
        'Foreløbig: efter vores egne svar ligger en del af fejlen hos os. Ret op på det, før I giver slip.',
    'Our own side is checked: we did our part.': 'Vores egen side er tjekket: vi har gjort vores del.',
    "The language of the texts to send the client (default: --lang's).":
        'Sproget i teksterne til kunden (standard: det fra --lang).',
    'Texts to send, in {language}': 'Tekster at sende, på {language}',
    'What to do, in order': 'Hvad I skal gøre, i rækkefølge',
    'Handover checklist': 'Tjekliste til overdragelsen',
    '{lang}: unknown field {field!r}; a text may use {fields}':
        '{lang}: ukendt felt {field!r}; en tekst kan bruge {fields}',
    '{lang}: a brace that opens no field; write {{ and }} for braces in the text':
        '{lang}: en klamme, der ikke åbner et felt; skriv {{ og }} for klammer i teksten',
    'Every client in the ledger: latest verdict, trend, next review, and where the hours go.':
        'Alle kunder i registret: seneste vurdering, tendens, næste gennemgang, og hvor timerne går hen.',
    'no red flags': 'ingen røde flag',
    '{client}, {period}: {hours} hours, revenue {revenue}': '{client}, {period}: {hours} timer, omsætning {revenue}',
    'Record the hours spent on a client and the revenue from it in one period.':
        'Registrér timerne brugt på en kunde og omsætningen fra den i én periode.',
    'Client': 'Kunde',
    'Trend': 'Tendens',
    'Last screened': 'Sidst screenet',
    'Next due': 'Næste gang',
    'Hours': 'Timer',
    'Revenue': 'Omsætning',
    '80/20: {n} client of {total} takes {hours} of the hours and brings {revenue} of the revenue.': (
        '80/20: {n} kunde ud af {total} tager {hours} af timerne og giver {revenue} af omsætningen.',
        '80/20: {n} kunder ud af {total} tager {hours} af timerne og giver {revenue} af omsætningen.',
    ),
    '--period {period!r} is not a month such as 2026-11': '--period {period!r} er ikke en måned som 2026-11',
    'worse': 'værre',
    'better': 'bedre',
    'steady': 'uændret',
    'No client is due for a review.': 'Ingen kunde skal gennemgås nu.',
    'The ledger has no clients yet.': 'Registret har endnu ingen kunder.',
    'due': 'nu',
    'Only the clients due for a review now.': 'Kun de kunder, der skal gennemgås nu.',
    'Days between reviews (default: $CLIENTSCREEN_REVIEW_INTERVAL, else 90).':
        'Dage mellem gennemgange (standard: $CLIENTSCREEN_REVIEW_INTERVAL, ellers 90).',
    'The client, as in the ledger.': 'Kunden, som i registret.',
    'Hours spent in the period.': 'Timer brugt i perioden.',
    'Revenue from the client in the period.': 'Omsætning fra kunden i perioden.',
    'The period (default: this month); recording one again replaces it.':
        'Perioden (standard: denne måned); registreres den igen, erstattes den.',
    'CLIENTSCREEN_REVIEW_INTERVAL={value!r} is not a number of days':
        'CLIENTSCREEN_REVIEW_INTERVAL={value!r} er ikke et antal dage',
}
