"""Hebrew texts of clientscreen, keyed by their English (see clientscreen.locales)."""

MESSAGES: dict[str, str | tuple[str, ...]] = {
    # answers.py:183
    '{given} is not a number; expected {accepted}': 'הערך {given} אינו מספר; צפוי: {accepted}',
    # answers.py:60
    'yes or no': 'כן או לא',
    # answers.py:62
    'a number ({unit})': 'מספר ({unit})',
    # answers.py:64
    'any text': 'כל טקסט',
    # answers.py:67
    '{low} to {high}': '{low} עד {high}',
    # answers.py:179, answers.py:167
    '{given} is not a number': 'הערך {given} אינו מספר',
    # answers.py:93
    '{given} is not an answer here; expected {accepted}': 'הערך {given} אינו תשובה אפשרית כאן; צפוי: {accepted}',
    # answers.py:171
    (
        '{given} could be a whole number or a decimal; write it without grouping or say which mark is the decimal one '
        '(--decimal , or --decimal .)'
    ): (
        'הערך {given} יכול להיות מספר שלם או שבר עשרוני; יש לכתוב אותו בלי הפרדת אלפים, או לציין איזה סימן הוא הנקודה '
        'העשרונית (--decimal , או --decimal .)'
    ),
    # answersfile.py:118
    'answered against {old_id} {old_version}; the rulebook is now {new_id} {new_version} with different content': (
        'התשובות ניתנו לפי {old_id} {old_version}; ספר הכללים הוא עכשיו {new_id} {new_version}, ותוכנו שונה'
    ),
    # answersfile.py:74
    'an answers file is a mapping with prospect and answers': 'קובץ תשובות הוא מיפוי עם prospect ו-answers',
    # answersfile.py:82
    'unknown field {field!r}': 'שדה לא מוכר {field!r}',
    # answersfile.py:101
    'no question {question!r} in rulebook {rulebook}; ignored': (
        'אין שאלה {question!r} בספר הכללים {rulebook}; התשובה לא נלקחת בחשבון'
    ),
    # arithmetic.py:223
    (
        'no answers give the verdict {verdict}: its band is scores {decline} or more, reachable scores run from {low} '
        'to {high}'
    ): (
        'שום שילוב תשובות לא נותן את ההמלצה {verdict}: הטווח שלה הוא ציון {decline} ומעלה, והציונים האפשריים הם {low} '
        'עד {high}'
    ),
    # arithmetic.py:237
    (
        'no score reaches the {verdict} band ({decline} or more; reachable scores run from {low} to {high}): only '
        'knock-outs give {verdict}'
    ): (
        'שום ציון לא מגיע לטווח של {verdict} ({decline} ומעלה; הציונים האפשריים הם {low} עד {high}): רק חסמים נותנים '
        '{verdict}'
    ),
    # arithmetic.py:218
    (
        'no answers give the verdict {verdict}: its band is scores below {negotiate}, reachable scores run from {low} '
        'to {high}'
    ): (
        'שום שילוב תשובות לא נותן את ההמלצה {verdict}: הטווח שלה הוא ציון מתחת ל-{negotiate}, והציונים האפשריים הם '
        '{low} עד {high}'
    ),
    # arithmetic.py:221
    (
        'no answers give the verdict {verdict}: its band is scores {negotiate} to {last}, reachable scores run from '
        '{low} to {high}'
    ): (
        'שום שילוב תשובות לא נותן את ההמלצה {verdict}: הטווח שלה הוא ציון {negotiate} עד {last}, והציונים האפשריים הם '
        '{low} עד {high}'
    ),
    # arithmetic.py:232
    (
        'no score reaches the {verdict} band (below {negotiate}; reachable scores run from {low} to {high}): only '
        'knock-outs give {verdict}'
    ): (
        'שום ציון לא מגיע לטווח של {verdict} (מתחת ל-{negotiate}; הציונים האפשריים הם {low} עד {high}): רק חסמים '
        'נותנים {verdict}'
    ),
    # arithmetic.py:235
    (
        'no score reaches the {verdict} band ({negotiate} to {last}; reachable scores run from {low} to {high}): only '
        'knock-outs give {verdict}'
    ): (
        'שום ציון לא מגיע לטווח של {verdict} ({negotiate} עד {last}; הציונים האפשריים הם {low} עד {high}): רק חסמים '
        'נותנים {verdict}'
    ),
    # arithmetic.py:165
    'question {question!r} can never change a verdict: every answer scores 0 and none knocks out': (
        'השאלה {question!r} לעולם לא משנה המלצה: כל תשובה נותנת 0 נקודות ואף אחת אינה חוסמת'
    ),
    # arithmetic.py:172
    (
        'question {question!r} can never change a verdict: its answers move the score by at most {n} point, never '
        'across a threshold'
    ): (
        'השאלה {question!r} לעולם לא משנה המלצה: התשובות שלה מזיזות את הציון בנקודה אחת לכל היותר, ואף פעם לא מעבר לסף',
        (
            'השאלה {question!r} לעולם לא משנה המלצה: התשובות שלה מזיזות את הציון ב-{n} נקודות לכל היותר, ואף פעם לא '
            'מעבר לסף'
        ),
        (
            'השאלה {question!r} לעולם לא משנה המלצה: התשובות שלה מזיזות את הציון ב-{n} נקודות לכל היותר, ואף פעם לא '
            'מעבר לסף'
        ),
    ),
    # atomic.py:47
    'cannot write here: {reason}': 'אי אפשר לכתוב כאן: {reason}',
    # atomic.py:69
    'cannot write: {reason}': 'אי אפשר לכתוב: {reason}',
    # atomic.py:60
    'already exists; choose another name': 'כבר קיים; יש לבחור שם אחר',
    # batchout.py:146, diff.py:34
    'error': 'שגיאה',
    # batchout.py:65
    'no column for {questions}; counted as unknown in every row': (
        'אין עמודה עבור {questions}; בכל השורות התשובה נחשבת "לא ידוע"'
    ),
    # batchout.py:69
    'ignoring columns that are not questions: {columns}': 'עמודות שאינן שאלות לא נלקחות בחשבון: {columns}',
    # batchout.py:85
    '-o {output}: that is the input file; clientscreen never overwrites its input': (
        'הפלט (-o {output}) הוא קובץ הקלט עצמו; clientscreen לעולם לא כותב על הקלט שלו'
    ),
    # batchout.py:149
    'Line': 'שורה',
    # batchout.py:150
    'Id': 'מזהה',
    # batchout.py:151
    'Name': 'שם',
    # batchout.py:152
    'Verdict': 'המלצה',
    # batchout.py:153
    'Score': 'ציון',
    # batchout.py:154
    'Red flags / error': 'דגלים אדומים / שגיאה',
    # batchrun.py:90
    '--id-column {column}: {path} has no such column': 'אין עמודה {column} בקובץ {path} (--id-column)',
    # batchrun.py:164
    '{problem} (--strict: stopped at the first bad row)': '{problem} (--strict: העיבוד נעצר בשורה השגויה הראשונה)',
    # cases.py:288
    'score: expected {low} to {high}, got {score}': 'ציון: צפוי {low} עד {high}, התקבל {score}',
    # cases.py:76
    'case {case!r}: {message}': 'מקרה {case!r}: {message}',
    # cases.py:142
    'a case file is a list of cases, or {rulebook, cases}': 'קובץ מקרים הוא רשימה של מקרים, או {rulebook, cases}',
    # cases.py:155
    'cases are a list: - name: …, answers: …, verdict: …': 'המקרים נכתבים כרשימה: - name: …, answers: …, verdict: …',
    # cases.py:240
    'FAIL': 'נכשל',
    # cases.py:240
    'TODO': 'לטיפול',
    # cases.py:240
    'FIXED': 'תוקן',
    # cases.py:240
    'ok': 'תקין',
    # cases.py:283
    'score: expected {expected}, got {score}': 'ציון: צפוי {expected}, התקבל {score}',
    # cases.py:285
    'score: expected at most {high}, got {score}': 'ציון: צפוי {high} לכל היותר, התקבל {score}',
    # cases.py:287
    'score: expected at least {low}, got {score}': 'ציון: צפוי {low} לפחות, התקבל {score}',
    # cases.py:296
    'questions': 'שאלות',
    # cases.py:296
    'answers': 'תשובות',
    # cases.py:296
    'knock-outs': 'חסמים',
    # cases.py:296
    'bands': 'טווחי המלצה',
    # cases.py:372
    '{path}: {cases}: {results}': '{path}: {cases}: {results}',
    # cases.py:131
    'another case has this name (line {line})': 'למקרה אחר יש אותו שם (שורה {line})',
    # cases.py:228
    "passes now; remove 'todo'": "עובר עכשיו; יש להסיר את 'todo'",
    # cases.py:257
    'verdict: expected {expected}, got {verdict} (score {score})': (
        'המלצה: צפויה {expected}, התקבלה {verdict} (ציון {score})'
    ),
    # cases.py:378
    '{path}: coverage {percent}% ({counts})': '{path}: כיסוי {percent}% ({counts})',
    # cases.py:421
    '{path}: coverage {percent}% is below --min-coverage {minimum}%': (
        '{path}: הכיסוי {percent}% נמוך מהמינימום {minimum}% (--min-coverage)'
    ),
    # cases.py:263
    'flag {flag}: expected to fire, did not': 'דגל {flag}: היה צריך להופיע ולא הופיע',
    # cases.py:266
    'flag {flag}: expected not to fire, fired': 'דגל {flag}: לא היה צריך להופיע, והופיע',
    # cases.py:365
    '{n} passed': (
        '{n} עבר',
        '{n} עברו',
        '{n} עברו',
    ),
    # cases.py:366
    '{n} failed': (
        '{n} נכשל',
        '{n} נכשלו',
        '{n} נכשלו',
    ),
    # cases.py:367, cli.py:353, lint.py:529
    '{n} error': (
        '{n} שגיאה',
        '{n} שגיאות',
        '{n} שגיאות',
    ),
    # cases.py:368
    '{n} todo': (
        '{n} לטיפול',
        '{n} לטיפול',
        '{n} לטיפול',
    ),
    # cases.py:369
    '{n} todo now passing': (
        '{n} לטיפול כבר עובר',
        '{n} לטיפול כבר עוברים',
        '{n} לטיפול כבר עוברים',
    ),
    # cases.py:371
    'no cases': 'אין מקרים',
    # cases.py:373
    '{n} case': (
        '{n} מקרה',
        '{n} מקרים',
        '{n} מקרים',
    ),
    # cases.py:381
    'not exercised: {kind}: {items}': 'לא נבדקו: {kind}: {items}',
    # cases.py:187
    '{key}: no category or question {flag!r} in rulebook {rulebook}': (
        '{key}: אין קטגוריה או שאלה {flag!r} בספר הכללים {rulebook}'
    ),
    # cases.py:230
    '(todo: {reason})': '(לטיפול: {reason})',
    # cases.py:97
    'holds no rulebook (*.yaml, *.yml)': 'אין בתיקייה ספר כללים (*.yaml, *.yml)',
    # cases.py:462
    'todo: {mismatches}': 'לטיפול: {mismatches}',
    # cli.py:29
    (
        'Exit codes: 0 ok; 1 problems found (invalid rows, failed checks); 2 usage error;\n'
        '3 an input file (rulebook, answers, CSV) cannot be used; 129/130/143 hung up, interrupted, terminated;\n'
        '70 internal error (please report it with the --debug output).'
    ): (
        'קודי יציאה: 0 תקין; 1 נמצאו בעיות (שורות לא תקינות, בדיקות שנכשלו); 2 שימוש שגוי;\n'
        '3 אי אפשר להשתמש בקובץ קלט (ספר כללים, תשובות, CSV); 129/130/143 המסוף נסגר, הופסק, הסתיים בכפייה;\n'
        '70 שגיאה פנימית (נא לדווח עליה ולצרף את הפלט של --debug).'
    ),
    # cli.py:35, cli.py:111
    'Screen a prospective client before the first meeting: take, negotiate or decline.': (
        'סינון לקוח פוטנציאלי לפני הפגישה הראשונה: לקחת, לקחת בתנאים או לוותר.'
    ),
    # cli.py:43
    'Check and inspect rulebooks.': 'בדיקה וסקירה של ספרי כללים.',
    # cli.py:143
    "Score one prospect's answers file and print the report.": 'חישוב ציון לקובץ התשובות של לקוח אחד והדפסת הדוח.',
    # cli.py:179
    'Run the intake interview in the terminal, saving every answer as it is given.': (
        'ניהול ראיון הסינון במסוף, וכל תשובה נשמרת ברגע שהיא ניתנת.'
    ),
    # cli.py:263
    'clientscreen: {what}. The answers so far are in {path}; continue with: clientscreen interview --resume {path}': (
        'clientscreen: {what}. התשובות עד כה שמורות ב-{path}; כדי להמשיך: clientscreen interview --resume {path}'
    ),
    # cli.py:280
    'Print the CSV header a sales team fills in, or the questions as JSON for integrators.': (
        'הדפסת שורת הכותרת של קובץ ה-CSV שצוות המכירות ממלא, או השאלות כ-JSON לשילוב במערכות אחרות.'
    ),
    # cli.py:296
    "Score every row of a CSV export (one column per question: see 'clientscreen template').": (
        "חישוב ציון לכל שורה בקובץ CSV מיוצא (עמודה לכל שאלה: ראו 'clientscreen template')."
    ),
    # cli.py:383
    'Lint rulebooks: schema, references, skip logic, score arithmetic, texts. Errors exit 1.': (
        'בדיקת ספרי כללים: סכמה, הפניות, לוגיקת דילוג, חשבון הציונים, טקסטים. בשגיאות, קוד היציאה הוא 1.'
    ),
    # cli.py:417
    'Run the golden cases beside each rulebook (inline cases: or a cases/ folder) and report coverage.': (
        'הרצת מקרי הבדיקה שליד כל ספר כללים (בתוך הקובץ תחת cases: או בתיקייה cases/) ודיווח על הכיסוי.'
    ),
    # cli.py:444
    'Re-score prospects under two rulebooks: which verdicts change, by how much, and because of which answers.': (
        'חישוב מחדש של ציוני לקוחות לפי שני ספרי כללים: אילו המלצות משתנות, בכמה, ובגלל אילו תשובות.'
    ),
    # cli.py:474
    "Print the rulebook's JSON Schema, for editors (yaml-language-server) and other tools.": (
        'הדפסת ה-JSON Schema של ספר הכללים, בשביל עורכים (yaml-language-server) וכלים אחרים.'
    ),
    # cli.py:486
    'Show a rulebook for review: categories, questions, answers, points, knock-outs, thresholds.': (
        'הצגת ספר כללים לסקירה: קטגוריות, שאלות, תשובות, נקודות, חסמים, ספים.'
    ),
    # cli.py:198
    (
        "the interview needs a terminal; without one, score answers files with 'clientscreen report FILE' or a CSV "
        "with 'clientscreen score FILE'"
    ): (
        "הראיון דורש מסוף; בלי מסוף אפשר לחשב ציון לקובצי תשובות עם 'clientscreen report FILE' או לקובץ CSV עם "
        "'clientscreen score FILE'"
    ),
    # cli.py:202
    '--resume continues a file as it is; it takes neither --out nor --prospect': (
        'האפשרות --resume ממשיכה קובץ כמו שהוא; אין לצרף אליה --out או --prospect'
    ),
    # cli.py:230
    'Answers are saved to {path} as you go.': 'כל תשובה נשמרת מיד ב-{path}.',
    # cli.py:235
    'Answers saved to {path}': 'התשובות נשמרו ב-{path}',
    # cli.py:251
    'The rulebook has changed since {path} was started.': 'ספר הכללים השתנה מאז שנוצר {path}.',
    # cli.py:261
    'clientscreen: {what}; nothing was saved yet': 'clientscreen: {what}; עדיין לא נשמר דבר',
    # cli.py:325
    '--decimal takes , or . (got {given!r})': 'האפשרות --decimal מקבלת , או . (התקבל {given!r})',
    # cli.py:352
    '{rows}: {verdicts}, {errors}; {speed} rows/s': '{rows}: {verdicts}, {errors}; {speed} שורות לשנייה',
    # cli.py:52
    'Rulebook file (default: the bundled rulebook).': 'קובץ ספר הכללים (ברירת מחדל: ספר הכללים המצורף).',
    # cli.py:59
    'Write here instead of standard output (atomically).': 'כתיבה לכאן במקום לפלט התקני (באופן אטומי).',
    # cli.py:79
    'Language of everything shown: en, da, he or ru (default: $CLIENTSCREEN_LANG, else the locale).': (
        'השפה של כל מה שמוצג: en, da, he או ru (ברירת מחדל: $CLIENTSCREEN_LANG, ואם אין, ה-locale).'
    ),
    # cli.py:253
    '{question}: {reason}; kept in the file, asked again where it still applies': (
        '{question}: {reason}; התשובה נשארת בקובץ, והשאלה תישאל שוב אם היא עדיין רלוונטית'
    ),
    # cli.py:340
    'Scoring': 'חישוב ציונים',
    # cli.py:347
    '… and {n} more row with errors (see the error column)': (
        '… ועוד שורה אחת עם שגיאה (הפרטים בעמודת השגיאה)',
        '… ועוד {n} שורות עם שגיאות (הפרטים בעמודת השגיאה)',
        '… ועוד {n} שורות עם שגיאות (הפרטים בעמודת השגיאה)',
    ),
    # cli.py:373
    (
        'Rulebook files or folders; a file in a cases/ folder stands for the rulebooks beside it (default: '
        '$CLIENTSCREEN_RULES or the bundled one).'
    ): (
        'קובצי ספרי כללים או תיקיות; קובץ בתיקייה cases/ מייצג את ספרי הכללים שלידה (ברירת מחדל: $CLIENTSCREEN_RULES '
        'או ספר הכללים המצורף).'
    ),
    # cli.py:352
    '{n} row': (
        '{n} שורה',
        '{n} שורות',
        '{n} שורות',
    ),
    # cli.py:534
    'clientscreen: internal error: {kind}: {error} (run with --debug for details)': (
        'clientscreen: שגיאה פנימית: {kind}: {error} (לפרטים יש להריץ עם --debug)'
    ),
    # cli.py:114
    'Show the version and exit.': 'הצגת הגרסה ויציאה.',
    # cli.py:116
    'Show tracebacks for errors.': 'הצגת traceback מלא בשגיאות.',
    # cli.py:145
    'Answers file (YAML or JSON).': 'קובץ תשובות (YAML או JSON).',
    # cli.py:147
    'Output format.': 'פורמט הפלט.',
    # cli.py:183
    'Answers file to create (default: screenings/NAME-DATE.yaml).': (
        'קובץ התשובות שייווצר (ברירת מחדל: screenings/NAME-DATE.yaml).'
    ),
    # cli.py:186
    'Continue an interview from its answers file.': 'המשך ראיון מקובץ התשובות שלו.',
    # cli.py:189
    "The prospect's name; asked if not given.": 'שם הלקוח; אם לא ניתן כאן, הראיון שואל אותו.',
    # cli.py:284
    'csv: a header to fill in; json: the questions.': 'הפורמט: csv לשורת כותרת למילוי, json לשאלות.',
    # cli.py:298
    'CSV export to score, or - for standard input.': 'קובץ CSV מיוצא לחישוב ציונים, או - לקלט התקני.',
    # cli.py:301
    'Write here (atomically), or - for standard output.': 'כתיבה לכאן (באופן אטומי), או - לפלט התקני.',
    # cli.py:303
    'csv, jsonl (full assessments) or table.': 'הפורמט: csv, jsonl (הערכות מלאות) או table.',
    # cli.py:305
    'Column that identifies a row (default: id).': 'העמודה שמזהה שורה (ברירת מחדל: id).',
    # cli.py:307
    'e.g. cp1252; default UTF-8 (BOM-aware).': 'למשל cp1252; ברירת מחדל: UTF-8 (עם זיהוי BOM).',
    # cli.py:310
    'Field separator (, ; | or tab); default: detected.': 'מפריד השדות (, ; | או tab); ברירת מחדל: זיהוי אוטומטי.',
    # cli.py:312
    'Decimal mark in numbers: , or .': 'הסימן העשרוני במספרים: , או .',
    # cli.py:313
    'Stop at the first bad row.': 'עצירה בשורה השגויה הראשונה.',
    # cli.py:314
    'Processes to score with.': 'מספר התהליכים לחישוב הציונים.',
    # cli.py:315
    'No progress bar and no summary.': 'בלי סרגל התקדמות ובלי סיכום.',
    # cli.py:389
    'text, json or github (default: github when GITHUB_ACTIONS=true).': (
        'הפורמט: text, json או github (ברירת מחדל: github כש-GITHUB_ACTIONS=true).'
    ),
    # cli.py:392
    'Warnings fail the check too.': 'גם אזהרות מכשילות את הבדיקה.',
    # cli.py:395
    (
        'The rulebook before the edit (a file, REV:PATH or a git revision such as HEAD), to make sure its version was '
        'bumped.'
    ): (
        'ספר הכללים לפני העריכה (קובץ, REV:PATH או רוויזיה של git כמו HEAD), כדי לוודא שהגרסה שלו הועלתה.'
    ),
    # cli.py:423
    'Fail when the cases cover less.': 'כישלון אם הכיסוי של המקרים נמוך מזה.',
    # cli.py:426
    'Also write JUnit XML here.': 'כתיבת דוח JUnit XML גם לכאן.',
    # cli.py:447
    'Rulebook before the edit: a file or REV:PATH.': 'ספר הכללים לפני העריכה: קובץ או REV:PATH.',
    # cli.py:448
    'Rulebook after the edit: a file or REV:PATH.': 'ספר הכללים אחרי העריכה: קובץ או REV:PATH.',
    # cli.py:450
    'A CSV export or a folder of answers files.': 'קובץ CSV מיוצא או תיקייה של קובצי תשובות.',
    # cli.py:452
    'text, markdown (for a pull request) or json.': 'הפורמט: text, markdown (ל-pull request) או json.',
    # cli.py:454
    'Exit 1 if any verdict changes.': 'יציאה עם קוד 1 אם המלצה כלשהי משתנה.',
    # cli.py:490
    'Rulebook file (default: the bundled one).': 'קובץ ספר הכללים (ברירת מחדל: המצורף).',
    # cli.py:225
    'Prospect name:': 'שם הלקוח:',
    # cli.py:226
    'Company (optional):': 'חברה (לא חובה):',
    # cli.py:227
    'Contact (optional):': 'איש קשר (לא חובה):',
    # csvinput.py:37
    'try --encoding cp1252 (Danish Excel), cp1251 (Russian) or cp1255 (Hebrew), or save as CSV UTF-8': (
        'כדאי לנסות --encoding cp1252 (Excel בדנית), cp1251 (רוסית) או cp1255 (עברית), או לשמור כ-CSV UTF-8'
    ),
    # csvinput.py:261
    'is not {encoding} text at byte {offset} (0x{byte:02x}); {hint}': (
        'אינו טקסט בקידוד {encoding} (בבייט {offset}, 0x{byte:02x}); {hint}'
    ),
    # csvinput.py:111
    'a field is larger than {size} KiB': 'שדה גדול מ-{size} KiB',
    # csvinput.py:113
    'a quote opened on this line is never closed': 'מירכאה שנפתחה בשורה הזאת לא נסגרת',
    # csvinput.py:115
    'text follows a closing quote; a quote inside a quoted field is written twice ("")': (
        'יש טקסט אחרי מירכאה סוגרת; מירכאה בתוך שדה שבמירכאות נכתבת פעמיים ("")'
    ),
    # csvinput.py:134
    "--delimiter takes one character (or 'tab'), got {delimiter!r}": (
        "האפשרות --delimiter מקבלת תו אחד (או 'tab'), התקבל {delimiter!r}"
    ),
    # csvinput.py:136
    '--delimiter cannot be {delimiter!r}': 'האפשרות --delimiter לא יכולה להיות {delimiter!r}',
    # csvinput.py:144
    'unknown encoding {encoding!r}; try cp1252, cp1251, cp1255 or utf-16': (
        'קידוד לא מוכר {encoding!r}; כדאי לנסות cp1252, cp1251, cp1255 או utf-16'
    ),
    # csvinput.py:185
    'column {column} repeats the header {header!r} of column {first}; rename or remove one': (
        'עמודה {column} חוזרת על הכותרת {header!r} של עמודה {first}; יש לשנות את השם של אחת מהן או להסיר אותה'
    ),
    # csvinput.py:283
    'is empty: no header, no rows': 'ריק: אין כותרת ואין שורות',
    # csvinput.py:302
    'is not {encoding} text; {hint}': 'אינו טקסט בקידוד {encoding}; {hint}',
    # csvinput.py:175
    'has no header line: export it with column names': 'אין בו שורת כותרת: יש לייצא אותו עם שמות העמודות',
    # csvinput.py:178
    (
        'has NUL bytes in its header line: if it is UTF-16 without a byte order mark, try --encoding utf-16-le (or '
        'utf-16-be)'
    ): (
        'יש בייטים NUL בשורת הכותרת: אם זה UTF-16 בלי סימן סדר בתים (BOM), כדאי לנסות --encoding utf-16-le (או '
        'utf-16-be)'
    ),
    # csvinput.py:198, safeyaml.py:144
    'is a folder, not a file': 'זו תיקייה, לא קובץ',
    # csvinput.py:200, safeyaml.py:146
    'cannot read: {reason}': 'אי אפשר לקרוא: {reason}',
    # csvinput.py:77
    'has {n} field; the header has {width}': (
        'בשורה יש שדה אחד; בכותרת יש {width}',
        'בשורה יש {n} שדות; בכותרת יש {width}',
        'בשורה יש {n} שדות; בכותרת יש {width}',
    ),
    # csvinput.py:84
    'contains a NUL byte': 'בשורה יש בייט NUL',
    # diff.py:306
    '{prospects}: {changed}, {score_only}, {unchanged}': '{prospects}: {changed}, {score_only}, {unchanged}',
    # diff.py:336
    'score {old} -> {new} ({delta:+d})': 'ציון {old} -> {new} ({delta:+d})',
    # diff.py:352, diff.py:389
    'old \\ new': 'ישן \\ חדש',
    # diff.py:34, rulebook.py:59
    'take': 'לקחת',
    # diff.py:34, rulebook.py:59
    'negotiate': 'לקחת בתנאים',
    # diff.py:34, rulebook.py:59
    'decline': 'לוותר',
    # diff.py:335
    'score {old} -> {new}': 'ציון {old} -> {new}',
    # diff.py:345
    'rules diff: {old} -> {new}': 'השוואת ספרי כללים: {old} -> {new}',
    # diff.py:378
    '### Rulebook impact: `{old_id} {old_version}` -> `{new_id} {new_version}`': (
        '### השפעת השינוי בספר הכללים: `{old_id} {old_version}` -> `{new_id} {new_version}`'
    ),
    # diff.py:381
    'Old: {old}, new: {new}. {headline}.': 'ישן: {old}, חדש: {new}. {headline}.',
    # diff.py:60
    'git exited with {code}': 'הפקודה git הסתיימה בקוד {code}',
    # diff.py:197
    '{points}, knock-out {verdict}': '{points}, חסם: {verdict}',
    # diff.py:282
    'thresholds: {change}': 'ספים: {change}',
    # diff.py:308
    '{n} prospect': (
        '{n} לקוח פוטנציאלי',
        '{n} לקוחות פוטנציאליים',
        '{n} לקוחות פוטנציאליים',
    ),
    # diff.py:309
    '{n} changed verdict': (
        'אצל {n} ההמלצה השתנתה',
        'אצל {n} ההמלצה השתנתה',
        'אצל {n} ההמלצה השתנתה',
    ),
    # diff.py:310
    '{n} changed score only': (
        'אצל {n} השתנה רק הציון',
        'אצל {n} השתנה רק הציון',
        'אצל {n} השתנה רק הציון',
    ),
    # diff.py:311
    '{n} unchanged': (
        '{n} ללא שינוי',
        '{n} ללא שינוי',
        '{n} ללא שינוי',
    ),
    # diff.py:359
    '{old} to {new}: {count}': 'מ"{old}" ל"{new}": {count}',
    # diff.py:386
    '**Thresholds changed**: {change}': '**הספים השתנו**: {change}',
    # diff.py:396
    '#### Changed verdicts': '#### המלצות שהשתנו',
    # diff.py:116
    'holds no answers files (*.yaml, *.yml, *.json)': 'אין בתיקייה קובצי תשובות (*.yaml, *.yml, *.json)',
    # diff.py:189
    'not in the rulebook': 'לא בספר הכללים',
    # diff.py:190
    'not scored': 'ללא ציון',
    # diff.py:191
    'skipped': 'לא נשאלה',
    # diff.py:192, interview.py:225
    'unknown': 'לא ידוע',
    # diff.py:369
    'the thresholds moved': 'הספים זזו',
    # diff.py:46
    "a git revision cannot start with '-'": "רוויזיה של git לא יכולה להתחיל ב-'-'",
    # diff.py:63
    'git cannot read it: {reason}': 'אי אפשר לקרוא אותו עם git: {reason}',
    # diff.py:65
    'is larger than {size} KiB': 'גדול מ-{size} KiB',
    # diff.py:370
    'no answer counts differently: {reason}': 'אף תשובה לא נספרת אחרת: {reason}',
    # diff.py:55
    'git is not installed; give the old rulebook as a file': 'התוכנה git לא מותקנת; יש לתת את ספר הכללים הישן כקובץ',
    # diff.py:57
    'git did not answer within {seconds} s': 'הפקודה git לא ענתה תוך {seconds} שניות',
    # diff.py:69
    'is not UTF-8 text': 'אינו טקסט UTF-8',
    # errors.py:93
    'No such file or directory': 'אין קובץ או תיקייה כאלה',
    # errors.py:94
    'Permission denied': 'אין הרשאה',
    # errors.py:95
    'Operation not permitted': 'הפעולה אינה מותרת',
    # errors.py:96
    'Is a directory': 'זו תיקייה',
    # errors.py:97
    'Not a directory': 'זו לא תיקייה',
    # errors.py:98
    'No space left on device': 'לא נשאר מקום בהתקן',
    # errors.py:99
    'Disk quota exceeded': 'חריגה ממכסת הדיסק',
    # errors.py:100
    'Read-only file system': 'מערכת קבצים לקריאה בלבד',
    # errors.py:101
    'File exists': 'הקובץ כבר קיים',
    # errors.py:102
    'File name too long': 'שם הקובץ ארוך מדי',
    # errors.py:103
    'Input/output error': 'שגיאת קלט/פלט',
    # errors.py:48
    'warning: {message}': 'אזהרה: {message}',
    # i18n.py:58
    '{source} {value!r} is not a language clientscreen speaks; use one of {languages}': (
        'הערך {value!r} של {source} אינו שפה ש-clientscreen מכירה; יש לבחור אחת מאלה: {languages}'
    ),
    # interview.py:238
    'a number or a value': 'מספר או תשובה',
    # interview.py:231
    'y/n': 'כן/לא',
    # interview.py:233
    'a number, in {unit}': 'מספר ({unit})',
    # interview.py:235
    'any text, or Enter to skip': 'טקסט חופשי, או Enter כדי לדלג',
    # interview.py:197
    'this is the first question': 'זו השאלה הראשונה',
    # interview.py:220
    '{answer} (no longer allowed)': '{answer} (כבר לא תשובה אפשרית)',
    # interview.py:120, scoring.py:113
    'no such question in this rulebook': 'אין שאלה כזאת בספר הכללים הזה',
    # interview.py:276
    'type a question number, or {finish} to finish': 'הקלידו מספר שאלה, או {finish} לסיום',
    # lint.py:69
    'the file cannot be read as YAML': 'אי אפשר לקרוא את הקובץ כ-YAML',
    # lint.py:70
    "the rulebook does not fit the schema (see 'clientscreen rules schema')": (
        "ספר הכללים לא תואם לסכמה (ראו 'clientscreen rules schema')"
    ),
    # lint.py:71
    'a rule of the rulebook format is broken (answers of a yes/no, bands, units)': (
        'הפרה של כלל בפורמט ספר הכללים (תשובות של שאלת כן/לא, טווחים, יחידות)'
    ),
    # lint.py:72
    'duplicate id: category, question, answer value or case name': 'מזהה כפול: קטגוריה, שאלה, ערך תשובה או שם מקרה',
    # lint.py:73
    'reference to an unknown category, question or answer value': 'הפניה לקטגוריה, לשאלה או לערך תשובה לא מוכרים',
    # lint.py:74
    'skip logic points to a later question': 'לוגיקת הדילוג מפנה לשאלה מאוחרת יותר',
    # lint.py:75
    'skip logic loops': 'לוגיקת הדילוג יוצרת לולאה',
    # lint.py:76
    'a case answer the parser cannot read': 'תשובה במקרה בדיקה שאי אפשר לפענח',
    # lint.py:77
    'a case does not fit the case format': 'מקרה בדיקה שלא תואם לפורמט המקרים',
    # lint.py:78
    'a knock-out that can never be asked': 'חסם שהשאלה שלו אף פעם לא נשאלת',
    # lint.py:79
    'a verdict no set of answers can give': 'המלצה ששום שילוב תשובות לא נותן',
    # lint.py:80
    'a verdict band no score reaches (only knock-outs give that verdict)': (
        'טווח המלצה ששום ציון לא מגיע אליו (רק חסמים נותנים את ההמלצה הזאת)'
    ),
    # lint.py:81
    'thresholds out of order': 'הספים בסדר שגוי',
    # lint.py:82
    'a question that can never change any verdict': 'שאלה שלעולם לא משנה שום המלצה',
    # lint.py:83
    'a category without why, advice or source text': 'קטגוריה בלי טקסט why, advice או source',
    # lint.py:84
    'a negotiable answer without the term to propose': 'תשובה שאפשר לשנות בתנאי, בלי התנאי שיש להציע',
    # lint.py:85
    'a negotiable term that secures no better an answer': 'תנאי שלא מבטיח תשובה טובה יותר',
    # lint.py:86
    'a text without its translation into a language the rulebook is written in': (
        'טקסט בלי תרגום לאחת השפות שספר הכללים כתוב בהן'
    ),
    # lint.py:87
    'two answers to one question that a user would type the same way': 'שתי תשובות לאותה שאלה שמקלידים באותה צורה',
    # lint.py:88
    'the content changed but the version did not': 'התוכן השתנה אבל הגרסה לא',
    # lint.py:89
    'the old rulebook to compare with cannot be read': 'אי אפשר לקרוא את ספר הכללים הישן להשוואה',
    # lint.py:126
    '{path}: cannot be checked': '{path}: אי אפשר לבדוק',
    # lint.py:157
    '--old names one rulebook; with several paths give a git revision, e.g. --old HEAD': (
        'האפשרות --old מציינת ספר כללים אחד; עם כמה נתיבים יש לתת רוויזיה של git, למשל --old HEAD'
    ),
    # lint.py:179, rulebook.py:331
    'a rulebook is a mapping with id, version, questions, …': 'ספר כללים הוא מיפוי עם id, version, questions, …',
    # lint.py:324
    'its skip logic loops': 'לוגיקת הדילוג שלה יוצרת לולאה',
    # lint.py:403
    'English': 'אנגלית',
    # lint.py:403
    'Danish': 'דנית',
    # lint.py:403
    'Hebrew': 'עברית',
    # lint.py:403
    'Russian': 'רוסית',
    # lint.py:527
    '{errors}, {warnings} in {files}': '{errors}, {warnings} ב-{files}',
    # lint.py:129
    '{n} category': (
        '{n} קטגוריה',
        '{n} קטגוריות',
        '{n} קטגוריות',
    ),
    # lint.py:130
    '{n} question': (
        '{n} שאלה',
        '{n} שאלות',
        '{n} שאלות',
    ),
    # lint.py:134
    'scores from {low} to {high}': 'טווח ציונים {low} עד {high}',
    # lint.py:226
    'decline must be above negotiate (negotiate {negotiate}, decline {decline})': (
        'הערך של decline חייב להיות גבוה מזה של negotiate (negotiate {negotiate}, decline {decline})'
    ),
    # lint.py:285
    'skip logic loops: {loop}': 'לוגיקת הדילוג יוצרת לולאה: {loop}',
    # lint.py:292
    'skip logic refers to unknown question {question!r}': 'לוגיקת הדילוג מפנה לשאלה לא מוכרת {question!r}',
    # lint.py:299
    'skip logic points forward: {target!r} is asked after {question!r}; move {question!r} below it': (
        'לוגיקת הדילוג מפנה קדימה: {target!r} נשאלת אחרי {question!r}; יש להעביר את {question!r} אל מתחתיה'
    ),
    # lint.py:326
    'it depends on unknown question {question!r}': 'היא תלויה בשאלה לא מוכרת {question!r}',
    # lint.py:340
    'knock-out {question}={answer} can never be asked: {reason}': 'החסם {question}={answer} אף פעם לא נשאל: {reason}',
    # lint.py:521
    '{path}: checked ({summary})': '{path}: נבדק ({summary})',
    # lint.py:523
    '{path}: ok ({summary})': '{path}: תקין ({summary})',
    # lint.py:239
    'duplicate category id {id!r} (first at line {line})': 'מזהה קטגוריה כפול {id!r} (הופיע לראשונה בשורה {line})',
    # lint.py:241
    'duplicate question id {id!r} (first at line {line})': 'מזהה שאלה כפול {id!r} (הופיע לראשונה בשורה {line})',
    # lint.py:251, lint.py:263, rulebook.py:450, rulebook.py:420
    'unknown category {category!r}': 'קטגוריה לא מוכרת {category!r}',
    # lint.py:269, lint.py:307
    '{question!r} has no answer {answer!r}': 'לשאלה {question!r} אין תשובה {answer!r}',
    # lint.py:328
    'no answer to {question!r} asks it': 'אף תשובה לשאלה {question!r} לא מביאה לכך שהיא תישאל',
    # lint.py:375
    '{question!r} is negotiable but its term is blank: write what to propose': (
        'השאלה {question!r} מסומנת negotiable אבל התנאי שלה ריק: יש לכתוב מה להציע'
    ),
    # lint.py:387
    'the term secures {answer!r}, which scores no better than any other answer to {question!r}': (
        'התנאי מבטיח את {answer!r}, שהציון שלה לא טוב יותר משל אף תשובה אחרת לשאלה {question!r}'
    ),
    # lint.py:446
    (
        'the content changed since {old} but the version is still {version!r}; bump it, since answers files record '
        'the version they were given against'
    ): (
        'התוכן השתנה מאז {old} אבל הגרסה עדיין {version!r}; יש להעלות אותה, כי קובצי תשובות שומרים את הגרסה שלפיה '
        'ניתנו התשובות'
    ),
    # lint.py:530
    '{n} warning': (
        '{n} אזהרה',
        '{n} אזהרות',
        '{n} אזהרות',
    ),
    # lint.py:531
    '{n} file': (
        '{n} קובץ',
        '{n} קבצים',
        '{n} קבצים',
    ),
    # lint.py:258
    'duplicate answer {answer!r} in {question!r}': 'תשובה כפולה {answer!r} בשאלה {question!r}',
    # lint.py:330
    '{question!r}, which it depends on, can never be asked': 'השאלה {question!r}, שהיא תלויה בה, אף פעם לא נשאלת',
    # lint.py:364
    'category {category!r} has no {field} text: write it for the reader': (
        'לקטגוריה {category!r} אין טקסט {field}: יש לכתוב אותו בשביל הקוראים'
    ),
    # lint.py:398
    'no {language} text ({lang}); readers in {language} see the English here': (
        'אין טקסט ב{language} ({lang}); הקוראים ב{language} יראו כאן את הטקסט באנגלית'
    ),
    # lint.py:415
    'the label {label!r} reads like answer {other!r} of {question!r}; typed, it means that one': (
        'התווית {label!r} זהה בהקלדה לתשובה {other!r} של השאלה {question!r}; מי שיקליד אותה יקבל את התשובה ההיא'
    ),
    # report.py:116
    'take below {negotiate} · negotiate {negotiate} to {last} · decline from {decline}': (
        'לקחת: מתחת ל-{negotiate} · לקחת בתנאים: {negotiate} עד {last} · לוותר: {decline} ומעלה'
    ),
    # report.py:227, rulebookview.py:35
    'Category': 'קטגוריה',
    # report.py:228, rulebookview.py:62
    'Points': 'נקודות',
    # report.py:259
    'Score {score}': 'ציון {score}',
    # report.py:263
    'Evidence: {share} of the points at stake answered': 'מידע: יש תשובות ל-{share} מהנקודות שעל הכף',
    # report.py:296
    'Prospect': 'לקוח פוטנציאלי',
    # report.py:300
    'Score **{score}** ({bands}); evidence {share}.': 'ציון **{score}** ({bands}); מידע: {share}.',
    # report.py:124
    '{n} point from a worse verdict': (
        'במרחק נקודה אחת מהמלצה גרועה יותר',
        'במרחק {n} נקודות מהמלצה גרועה יותר',
        'במרחק {n} נקודות מהמלצה גרועה יותר',
    ),
    # report.py:127
    '{n} point from a better one': (
        'במרחק נקודה אחת מהמלצה טובה יותר',
        'במרחק {n} נקודות מהמלצה טובה יותר',
        'במרחק {n} נקודות מהמלצה טובה יותר',
    ),
    # report.py:182, report.py:308
    'Red flags': 'דגלים אדומים',
    # report.py:182, report.py:308
    'Green flags': 'דגלים ירוקים',
    # report.py:265
    '; below {share}, so ask more before deciding': '; פחות מ-{share}, ולכן כדאי לשאול עוד לפני שמחליטים',
    # report.py:175, report.py:305
    'Knock-outs': 'חסמים',
    # report.py:190, report.py:319
    'Put on the table: would make it {verdict}': 'תנאים להעלות על השולחן: היו משנים את ההמלצה ל"{verdict}"',
    # report.py:202
    'Still unknown: ask these next': 'עדיין לא ידוע: לשאול את אלה בהמשך',
    # report.py:215
    'By category': 'לפי קטגוריה',
    # report.py:254, report.py:298
    'provisional': 'המלצה זמנית',
    # report.py:257
    'The score alone says {verdict}; a knock-out overrides it.': (
        'לפי הציון לבדו ההמלצה היא "{verdict}"; חסם גובר עליו.'
    ),
    # report.py:269
    'Contact:': 'איש קשר:',
    # report.py:271, report.py:303
    'Notes:': 'הערות:',
    # report.py:286, report.py:316
    'Why:': 'למה זה חשוב:',
    # report.py:287, report.py:316
    'Do:': 'מה לעשות:',
    # report.py:288
    'Source:': 'מקור:',
    # report.py:322
    'Still unknown': 'עדיין לא ידוע',
    # report.py:198
    'Put on the table': 'תנאים להעלות על השולחן',
    # report.py:199
    'No negotiable term would change this verdict.': 'אין תנאי שיכול לשנות את ההמלצה הזאת.',
    # report.py:211
    '… and {n} more': (
        '… ועוד שאלה אחת',
        '… ועוד {n} שאלות',
        '… ועוד {n} שאלות',
    ),
    # report.py:179
    # report.py:194
    '{points} point': (
        '{points} נקודה',
        '{points} נקודות',
        '{points} נקודות',
    ),
    # report.py:206
    'can knock out': 'חסם אפשרי',
    # rulebook.py:381
    'should be text, or a map of language to text (en: …, da: …), got {given!r}': (
        'צריך להיות טקסט, או מיפוי משפה לטקסט (en: …, he: …); התקבל {given!r}'
    ),
    # rulebook.py:378, rulebook.py:365
    'is empty; write the text after the colon': 'ריק; יש לכתוב את הטקסט אחרי הנקודתיים',
    # rulebook.py:380, rulebook.py:367
    'YAML reads this unquoted value as the number {given!r}; quote it to keep it as written': (
        'בלי מירכאות, YAML קורא את הערך הזה כמספר {given!r}; יש להקיף אותו במירכאות כדי לשמור אותו כפי שנכתב'
    ),
    # rulebook.py:350
    '{key!r} is not a language of clientscreen; texts are given in {languages}': (
        'המפתח {key!r} אינו שפה של clientscreen; הטקסטים ניתנים בשפות: {languages}'
    ),
    # rulebook.py:166
    'yes': 'כן',
    # rulebook.py:166
    'no': 'לא',
    # rulebook.py:353
    'the English text (en) is required: other languages fall back to it': (
        'הטקסט באנגלית (en) הוא חובה: כשאין תרגום לשפה אחרת, הוא מוצג במקומו'
    ),
    # rulebook.py:406
    'decline must be above negotiate': 'הערך של decline חייב להיות גבוה מזה של negotiate',
    # rulebook.py:445
    'a {type} question needs answers': 'לשאלה מסוג {type} נדרשות תשובות',
    # rulebook.py:456
    'a yesno question has exactly the answers yes and no': 'לשאלה מסוג yesno יש בדיוק שתי תשובות: yes ו-no',
    # rulebook.py:410
    'duplicate category id {id!r}': 'מזהה קטגוריה כפול {id!r}',
    # rulebook.py:416
    'duplicate question id {id!r}': 'מזהה שאלה כפול {id!r}',
    # rulebook.py:418
    'a {type} question needs the category of the flag it raises': 'לשאלה מסוג {type} נדרשת הקטגוריה של הדגל שהיא מרימה',
    # rulebook.py:426
    'refers to a later question {question!r}': 'מפנה לשאלה מאוחרת יותר {question!r}',
    # rulebook.py:427
    'refers to an unknown question {question!r}': 'מפנה לשאלה לא מוכרת {question!r}',
    # rulebook.py:435
    'no answer {value!r} in this question': 'אין תשובה {value!r} בשאלה הזאת',
    # rulebook.py:442
    'a note never scores; remove its answers': 'שאלה מסוג note אף פעם לא משפיעה על הציון; יש להסיר את התשובות שלה',
    # rulebook.py:452
    'duplicate answer {value!r}': 'תשובה כפולה {value!r}',
    # rulebook.py:454
    'only number questions have bands': 'רק לשאלות מסוג number יש טווחים',
    # rulebook.py:357
    'unknown field {field!r}; check its spelling': 'שדה לא מוכר {field!r}; כדאי לבדוק את האיות',
    # rulebook.py:460
    'a scale has whole-number answers in steps of 1, e.g. 1 to 5': (
        'בסולם (scale) התשובות הן מספרים שלמים בקפיצות של 1, למשל 1 עד 5'
    ),
    # rulebook.py:359
    'field {field!r} is required': 'השדה {field!r} הוא חובה',
    # rulebook.py:463
    'a number question needs its unit': 'לשאלה מסוג number נדרשת יחידה (unit)',
    # rulebook.py:466
    "the last band has no upper bound; remove 'below'": "לטווח האחרון אין גבול עליון; יש להסיר את 'below'",
    # rulebook.py:474
    'choice answers are snake_case words (numbers are for scales)': (
        'התשובות לשאלת choice הן מילים בכתיב snake_case (מספרים הם לסולמות)'
    ),
    # rulebook.py:361
    '{message}, got {given!r}': '{message}, התקבל {given!r}',
    # rulebook.py:432
    '{question!r} has no answer {value!r}': 'לשאלה {question!r} אין תשובה {value!r}',
    # rulebook.py:469
    "bands go up: each 'below' is larger than the one before": "הטווחים עולים: כל 'below' גדול מזה שלפניו",
    # rulebook.py:472
    "every band but the last needs 'below'": "כל טווח מלבד האחרון צריך 'below'",
    # rulebook.py:363
    '{given!r} is not an id: use lower-case letters, digits and _ (quote yes and no)': (
        'הערך {given!r} אינו מזהה: מותר להשתמש באותיות לטיניות קטנות, בספרות וב-_ (את yes ו-no יש להקיף במירכאות)'
    ),
    # rulebook.py:370
    '{message}, got {given!r}; quote it': '{message}, התקבל {given!r}; יש להקיף אותו במירכאות',
    # rulebookview.py:23
    'red': 'אדום',
    # rulebookview.py:23
    'green': 'ירוק',
    # rulebookview.py:23
    'ethics': 'אתיקה',
    # rulebookview.py:61
    'Answer': 'תשובה',
    # rulebookview.py:63
    'Notes': 'הערות',
    # rulebookview.py:27
    (
        'take below {negotiate} · negotiate {negotiate} to {last} · decline from {decline}; answers reach {low} to '
        '{high}'
    ): (
        'לקחת: מתחת ל-{negotiate} · לקחת בתנאים: {negotiate} עד {last} · לוותר: {decline} ומעלה; התשובות נותנות ציון '
        '{low} עד {high}'
    ),
    # rulebookview.py:35
    'Kind': 'סוג',
    # rulebookview.py:78
    'below {bound}': 'מתחת ל-{bound}',
    # rulebookview.py:79
    'knock-out: {verdict}': 'חסם: {verdict}',
    # rulebookview.py:80
    'flag: {category}': 'דגל: {category}',
    # rulebookview.py:32, rulebookview.py:35
    'Categories': 'קטגוריות',
    # rulebookview.py:48
    'asked if {question} is {values}': 'נשאלת אם התשובה ל-{question} היא {values}',
    # rulebookview.py:51
    'negotiable to {value}: {term}': 'אפשר לשנות ל-{value} בתנאי: {term}',
    # rulebookview.py:49
    ' or ': ' או ',
    # safeyaml.py:148
    'is larger than {size} KiB; this is not a hand-written file': 'גדול מ-{size} KiB; זה לא קובץ שנכתב ביד',
    # safeyaml.py:223
    '{constant} is not a number a file may contain': 'הערך {constant} אינו מספר שמותר שיופיע בקובץ',
    # safeyaml.py:239
    'U+{code:04X} ends a line for some readers and not for others; delete it': (
        'התו U+{code:04X} מסיים שורה אצל חלק מהתוכנות ולא אצל אחרות; יש למחוק אותו'
    ),
    # safeyaml.py:275
    'control character {character} is not allowed; delete it': 'תו הבקרה {character} אסור; יש למחוק אותו',
    # safeyaml.py:279
    'not valid YAML': 'לא YAML תקין',
    # safeyaml.py:281
    'a tab character here; YAML indents with spaces': 'יש כאן תו טאב; ב-YAML ההזחה נעשית ברווחים',
    # safeyaml.py:157
    'is not UTF-8 text (byte 0x{byte:02x}); save it as UTF-8': (
        'אינו טקסט UTF-8 (בייט 0x{byte:02x}); יש לשמור אותו כ-UTF-8'
    ),
    # safeyaml.py:75
    'aliases (*name) are not allowed; write the value out': 'כינויים (*name) אסורים; יש לכתוב את הערך במלואו',
    # safeyaml.py:77
    'anchors (&name) are not allowed; write each value out': 'עוגנים (&name) אסורים; יש לכתוב כל ערך במלואו',
    # safeyaml.py:80
    'tags ({tag}) are not allowed; quote the value if it is text': (
        'תגיות ({tag}) אסורות; אם הערך הוא טקסט, יש להקיף אותו במירכאות'
    ),
    # safeyaml.py:83
    'nested more than {depth} levels deep': 'מקונן ביותר מ-{depth} רמות',
    # safeyaml.py:217
    'duplicate key {key!r}': 'מפתח כפול {key!r}',
    # safeyaml.py:323
    'cannot read value {value!r}: {error}': 'אי אפשר לקרוא את הערך {value!r}: {error}',
    # safeyaml.py:262
    'not valid YAML: {error}': 'לא YAML תקין: {error}',
    # safeyaml.py:264, safeyaml.py:188
    'nested too deeply': 'קינון עמוק מדי',
    # safeyaml.py:295
    'a key must be plain text': 'מפתח חייב להיות טקסט פשוט',
    # safeyaml.py:298
    'key {key!r} must be text; quote it': 'המפתח {key!r} חייב להיות טקסט; יש להקיף אותו במירכאות',
    # safeyaml.py:302
    'duplicate key {key!r} (first at line {line}); keep one': (
        'מפתח כפול {key!r} (הופיע לראשונה בשורה {line}); יש להשאיר רק אחד'
    ),
    # screening.py:108
    'already exists; to continue it use --resume {path}': 'כבר קיים; כדי להמשיך אותו: --resume {path}',
    # screening.py:76
    'another interview has this file open; finish that one first': (
        'הקובץ פתוח בראיון אחר; יש לסיים קודם את הראיון ההוא'
    ),
    # terminal.py:104
    '{key} back': '{key} חזרה',
    # terminal.py:104
    '{key} why': '{key} למה',
    # terminal.py:40
    'The interview was interrupted': 'הראיון הופסק',
    # terminal.py:41
    'The input ended (Ctrl-D)': 'הקלט הסתיים (Ctrl-D)',
    # terminal.py:42
    'The terminal was closed': 'המסוף נסגר',
    # terminal.py:43
    'The interview was terminated': 'הראיון הסתיים בכפייה',
    # terminal.py:82
    'This one is needed.': 'זה שדה חובה.',
    # terminal.py:103
    '{key} unknown': '{key} לא ידוע',
    # terminal.py:106
    'now: {answer}': 'כרגע: {answer}',
    # terminal.py:128
    'Review your answers': 'סקירת התשובות',
    # terminal.py:135
    'Type a number to change that answer, or {finish} to finish.': (
        'הקלידו מספר כדי לשנות את התשובה, או {finish} לסיום.'
    ),
    # terminal.py:118
    'Nothing scores on this question; it is for your notes.': 'השאלה הזאת לא משפיעה על הציון; היא בשביל ההערות שלכם.',
    # terminal.py:121
    'Why: {text}': 'למה זה חשוב: {text}',
    # terminal.py:122
    'Do: {text}': 'מה לעשות: {text}',
    # terminal.py:123
    'Source: {article}, {section}': 'מקור: {article}, {section}',
    # validation.py:75
    'Input should be less than or equal to {bound}': 'הערך צריך להיות קטן מ-{bound} או שווה לו',
    # validation.py:83
    '{choices} or {last}': '{choices} או {last}',
    # validation.py:25
    'Input should be {expected}': 'הערך צריך להיות {expected}',
    # validation.py:28
    'String should have at least {n} character': (
        'הטקסט צריך להכיל לפחות תו אחד',
        'הטקסט צריך להכיל לפחות {n} תווים',
        'הטקסט צריך להכיל לפחות {n} תווים',
    ),
    # validation.py:31
    'String should have at most {n} character': (
        'הטקסט צריך להכיל תו אחד לכל היותר',
        'הטקסט צריך להכיל {n} תווים לכל היותר',
        'הטקסט צריך להכיל {n} תווים לכל היותר',
    ),
    # validation.py:34
    'List should have at least {n} item': (
        'הרשימה צריכה להכיל לפחות פריט אחד',
        'הרשימה צריכה להכיל לפחות {n} פריטים',
        'הרשימה צריכה להכיל לפחות {n} פריטים',
    ),
    # validation.py:43, validation.py:44
    'Input should be a valid integer': 'הערך צריך להיות מספר שלם',
    # validation.py:45
    'Input should be a valid integer, got a number with a fractional part': (
        'הערך צריך להיות מספר שלם, אבל יש בו חלק עשרוני'
    ),
    # validation.py:46, validation.py:47
    'Input should be a valid number': 'הערך צריך להיות מספר',
    # validation.py:48
    'Input should be a finite number': 'הערך צריך להיות מספר סופי',
    # validation.py:49
    'Input should be a valid string': 'הערך צריך להיות טקסט',
    # validation.py:50
    'Input should be a valid boolean': 'הערך צריך להיות בוליאני (true או false)',
    # validation.py:51
    'Input should be a valid list': 'הערך צריך להיות רשימה',
    # validation.py:52, validation.py:53, validation.py:54
    'Input should be a valid dictionary': 'הערך צריך להיות מיפוי',
    # validation.py:55
    'Field required': 'שדה חובה',
    # validation.py:56
    'Extra inputs are not permitted': 'שדות נוספים אינם מותרים',
    # validation.py:70
    'Input should be greater than {bound}': 'הערך צריך להיות גדול מ-{bound}',
    # validation.py:72
    'Input should be greater than or equal to {bound}': 'הערך צריך להיות גדול מ-{bound} או שווה לו',
    # validation.py:74
    'Input should be less than {bound}': 'הערך צריך להיות קטן מ-{bound}',
    # report.py, cli.py, diff.py: whole phrases where pieces were glued
    '{count} {verdict}': '{verdict}: {count}',
    '→ at least negotiate': '← לכל היותר "לקחת בתנאים"',
    '→ decline': '← "לוותר"',
    '{title}: at least negotiate ({question})': '{title}: לכל היותר "לקחת בתנאים" ({question})',
    '{title}: decline ({question})': '{title}: "לוותר" ({question})',
    'negotiate {old_negotiate} -> {new_negotiate}, decline {old_decline} -> {new_decline}':
        '"לקחת בתנאים" {old_negotiate} -> {new_negotiate}, "לוותר" {old_decline} -> {new_decline}',
    'The record of every completed screening: import answers files, export, merge two spellings.':
        'רישום של כל סינון שהושלם: ייבוא קובצי תשובות, ייצוא, איחוד שני איותים.',
    '{added} recorded, {known} already in the ledger, {drafts} drafts skipped, {failed} unreadable':
        '{added} נרשמו, {known} כבר ברישום, {drafts} טיוטות דולגו, {failed} לא קריאים',
    'Record answers files (or folders of them); importing twice adds nothing.':
        'רישום קובצי תשובות (או תיקיות שלהם); ייבוא כפול אינו מוסיף דבר.',
    'Every screening in the ledger, as CSV or JSON Lines.': 'כל הסינונים ברישום, כ-CSV או כ-JSON Lines.',
    '{n} screening of {other} now belongs to {client}; {other} is a second name for it': (
        'סינון אחד של {other} שייך עכשיו ל-{client}; {other} הוא שם נוסף שלו',
        '{n} סינונים של {other} שייכים עכשיו ל-{client}; {other} הוא שם נוסף שלו',
        '{n} סינונים של {other} שייכים עכשיו ל-{client}; {other} הוא שם נוסף שלו',
    ),
    "Treat two spellings as one client: OTHER's screenings move to CLIENT.":
        'שני איותים כלקוח אחד: הסינונים של OTHER עוברים ל-CLIENT.',
    '-o {path} is the ledger itself; write the export elsewhere': '-o {path} הוא הרישום עצמו; כתבו את הייצוא למקום אחר',
    'Ledger database (default: $CLIENTSCREEN_LEDGER, else clientscreen.db in this folder).':
        'מסד הנתונים של הרישום (ברירת מחדל: $CLIENTSCREEN_LEDGER, אחרת clientscreen.db בתיקייה זו).',
    'Answers files or folders, e.g. screenings/.': 'קובצי תשובות או תיקיות, למשל screenings/.',
    'csv or jsonl.': 'csv או jsonl.',
    "Only this client's screenings.": 'רק הסינונים של לקוח זה.',
    'The spelling to retire.': 'האיות שיוצא משימוש.',
    'The client to keep.': 'הלקוח שנשאר.',
    'Recorded in the ledger.': 'נרשם ברישום.',
    'Do not record this screening in the ledger.': 'לא לרשום את הסינון הזה ברישום.',
    '{path}: written by a newer clientscreen (schema {found}, this one knows {known}); upgrade clientscreen':
        '{path}: נכתב בגרסה חדשה יותר של clientscreen (סכמה {found}, גרסה זו מכירה {known}); שדרגו את clientscreen',
    'another clientscreen kept the ledger busy for {seconds} seconds; try again':
        'clientscreen אחר החזיק את הרישום תפוס {seconds} שניות; נסו שוב',
    '{path}: not a clientscreen ledger, or damaged ({reason})':
        '{path}: אינו רישום של clientscreen, או שהוא פגום ({reason})',
    '{path}: cannot open the ledger: {reason}': '{path}: לא ניתן לפתוח את הרישום: {reason}',
    '{path}: {first!r} and {second!r} are already one client': '{path}: {first!r} ו-{second!r} הם כבר לקוח אחד',
    '{path}: no client {client!r} in the ledger': '{path}: אין לקוח {client!r} ברישום',
    'the ledger is read-only here': 'הרישום לקריאה בלבד כאן',
    'Review a current client: keep, renegotiate or let go, and what changed since the last review.':
        'בחינה של לקוח קיים: להמשיך, לשנות תנאים או להיפרד, ומה השתנה מאז הבחינה הקודמת.',
    (
        "the review is an interview and needs a terminal; without one, score its answers file with 'clientscreen "
        "report FILE --rules rules/review.yaml'"
    ): (
        "הבחינה היא ראיון ודורשת מסוף; בלי מסוף אפשר לנקד את קובץ התשובות עם 'clientscreen report FILE --rules "
        "rules/review.yaml'"
    ),
    "name the client to review, or --resume a review's answers file (not both)":
        'יש לציין את הלקוח לבחינה, או --resume עם קובץ התשובות של בחינה (לא את שניהם)',
    'The first review of {client}.': 'הבחינה הראשונה של {client}.',
    'Since the review of {date}:': 'מאז הבחינה מ-{date}:',
    'Heading the wrong way.': 'המגמה שלילית.',
    'Heading the right way.': 'המגמה חיובית.',
    'Holding steady.': 'ללא שינוי.',
    'The screening of {date} said {verdict} (score {score}).': 'הסינון מ-{date} קבע {verdict} (ניקוד {score}).',
    'verdict {before} → {after}, score {old} → {new} ({delta:+d})':
        'החלטה {before} → {after}, ניקוד {old} → {new} ({delta:+d})',
    '{title}: new: {now}': '{title}: חדש: {now}',
    '{title}: gone (was {was})': '{title}: נעלם (היה {was})',
    'No flag changed.': 'אף דגל לא השתנה.',
    "The client's name, as screened.": 'שם הלקוח, כפי שסונן.',
    'Rulebook (default: the bundled review rulebook).': 'ספר כללים (ברירת מחדל: ספר הכללים המצורף לבחינת לקוחות).',
    'Continue a review from its answers file.': 'המשך בחינה מקובץ התשובות שלה.',
    '{title}: {was} → {now}, worse': '{title}: {was} → {now}, החמיר',
    '{title}: {was} → {now}, better': '{title}: {was} → {now}, השתפר',
    'clientscreen: {what}. The answers so far are in {path}; continue with: clientscreen review --resume {path}':
        'clientscreen: {what}. התשובות עד כה נמצאות ב-{path}; להמשך: clientscreen review --resume {path}',
    '{take} below {negotiate} · {renegotiate} {negotiate} to {last} · {decline} from {at}':
        '{take} מתחת ל-{negotiate} · {renegotiate} {negotiate} עד {last} · {decline} מ-{at}',
    'Provisional: our own side is not checked yet. Answer the questions about it before letting go.':
        'זמני: הצד שלנו עדיין לא נבדק. יש לענות על השאלות לגביו לפני שנפרדים.',
    'Provisional: by our own answers part of the fault is ours. Put that right before letting go.':
        'זמני: לפי התשובות שלנו, חלק מהאשמה אצלנו. יש לתקן זאת לפני שנפרדים.',
    'Our own side is checked: we did our part.': 'הצד שלנו נבדק: עשינו את שלנו.',
    "The language of the texts to send the client (default: --lang's).":
        'שפת הטקסטים שנשלחים ללקוח (ברירת מחדל: זו של --lang).',
    'Texts to send, in {language}': 'טקסטים לשליחה, ב{language}',
    'What to do, in order': 'מה לעשות, לפי הסדר',
    'Handover checklist': 'רשימת בדיקה למסירה',
    '{lang}: unknown field {field!r}; a text may use {fields}':
        '{lang}: שדה לא מוכר {field!r}; טקסט יכול להשתמש ב-{fields}',
    '{lang}: a brace that opens no field; write {{ and }} for braces in the text':
        '{lang}: סוגר מסולסל שאינו פותח שדה; כתבו {{ ו-}} לסוגריים בטקסט',
    'Every client in the ledger: latest verdict, trend, next review, and where the hours go.':
        'כל הלקוחות ברישום: ההחלטה האחרונה, מגמה, הבחינה הבאה, ולאן הולכות השעות.',
    'no red flags': 'אין דגלים אדומים',
    '{client}, {period}: {hours} hours, revenue {revenue}': '{client}, {period}: {hours} שעות, הכנסות {revenue}',
    'Record the hours spent on a client and the revenue from it in one period.':
        'רישום השעות שהושקעו בלקוח וההכנסות ממנו בתקופה אחת.',
    'Client': 'לקוח',
    'Trend': 'מגמה',
    'Last screened': 'סינון אחרון',
    'Next due': 'המועד הבא',
    'Hours': 'שעות',
    'Revenue': 'הכנסות',
    '80/20: {n} client of {total} takes {hours} of the hours and brings {revenue} of the revenue.': (
        '80/20: לקוח אחד מתוך {total} לוקח {hours} מהשעות ומביא {revenue} מההכנסות.',
        '80/20: {n} לקוחות מתוך {total} לוקחים {hours} מהשעות ומביאים {revenue} מההכנסות.',
        '80/20: {n} לקוחות מתוך {total} לוקחים {hours} מהשעות ומביאים {revenue} מההכנסות.',
    ),
    '--period {period!r} is not a month such as 2026-11': '--period {period!r} אינו חודש כמו 2026-11',
    'worse': 'החמיר',
    'better': 'השתפר',
    'steady': 'ללא שינוי',
    'No client is due for a review.': 'אין לקוח שהגיע מועד הבחינה שלו.',
    'The ledger has no clients yet.': 'אין עדיין לקוחות ברישום.',
    'due': 'הגיע המועד',
    'Only the clients due for a review now.': 'רק הלקוחות שהגיע מועד הבחינה שלהם.',
    'Days between reviews (default: $CLIENTSCREEN_REVIEW_INTERVAL, else 90).':
        'ימים בין בחינות (ברירת מחדל: $CLIENTSCREEN_REVIEW_INTERVAL, אחרת 90).',
    'The client, as in the ledger.': 'הלקוח, כפי שהוא ברישום.',
    'Hours spent in the period.': 'שעות שהושקעו בתקופה.',
    'Revenue from the client in the period.': 'הכנסות מהלקוח בתקופה.',
    'The period (default: this month); recording one again replaces it.':
        'התקופה (ברירת מחדל: החודש הנוכחי); רישום חוזר שלה מחליף אותה.',
    'CLIENTSCREEN_REVIEW_INTERVAL={value!r} is not a number of days':
        'CLIENTSCREEN_REVIEW_INTERVAL={value!r} אינו מספר ימים',
}
