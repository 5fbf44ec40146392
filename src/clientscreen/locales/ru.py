"""Russian texts of clientscreen, keyed by their English (see clientscreen.locales)."""

MESSAGES: dict[str, str | tuple[str, ...]] = {
    # answers.py:183
    '{given} is not a number; expected {accepted}': '{given} — не число; ожидается: {accepted}',
    # answers.py:60
    'yes or no': 'да или нет',
    # answers.py:62
    'a number ({unit})': 'число ({unit})',
    # answers.py:64
    'any text': 'любой текст',
    # answers.py:67
    '{low} to {high}': 'от {low} до {high}',
    # answers.py:179, answers.py:167
    '{given} is not a number': '{given} — не число',
    # answers.py:93
    '{given} is not an answer here; expected {accepted}': '{given} не подходит как ответ; ожидается: {accepted}',
    # answers.py:171
    (
        '{given} could be a whole number or a decimal; write it without grouping or say which mark is the decimal one '
        '(--decimal , or --decimal .)'
    ): (
        '{given} можно прочитать и как целое, и как дробное число; запишите его без разделителей разрядов или укажите '
        'десятичный знак (--decimal , или --decimal .)'
    ),
    # answersfile.py:118
    'answered against {old_id} {old_version}; the rulebook is now {new_id} {new_version} with different content': (
        'ответы даны по набору правил {old_id} {old_version}; теперь действует {new_id} {new_version} с другим '
        'содержанием'
    ),
    # answersfile.py:74
    'an answers file is a mapping with prospect and answers': 'файл ответов — это словарь с ключами prospect и answers',
    # answersfile.py:82
    'unknown field {field!r}': 'неизвестное поле {field!r}',
    # answersfile.py:101
    'no question {question!r} in rulebook {rulebook}; ignored': (
        'в наборе правил {rulebook} нет вопроса {question!r}; ответ не учитывается'
    ),
    # arithmetic.py:223
    (
        'no answers give the verdict {verdict}: its band is scores {decline} or more, reachable scores run from {low} '
        'to {high}'
    ): (
        'вердикт {verdict} недостижим ни при каких ответах: ему соответствует сумма баллов от {decline}, а возможные '
        'суммы — от {low} до {high}'
    ),
    # arithmetic.py:237
    (
        'no score reaches the {verdict} band ({decline} or more; reachable scores run from {low} to {high}): only '
        'knock-outs give {verdict}'
    ): (
        'ни одна сумма баллов не попадает в диапазон {verdict} (от {decline}; возможные суммы — от {low} до {high}): '
        'вердикт {verdict} дают только стоп-факторы'
    ),
    # arithmetic.py:218
    (
        'no answers give the verdict {verdict}: its band is scores below {negotiate}, reachable scores run from {low} '
        'to {high}'
    ): (
        'вердикт {verdict} недостижим ни при каких ответах: ему соответствует сумма баллов меньше {negotiate}, а '
        'возможные суммы — от {low} до {high}'
    ),
    # arithmetic.py:221
    (
        'no answers give the verdict {verdict}: its band is scores {negotiate} to {last}, reachable scores run from '
        '{low} to {high}'
    ): (
        'вердикт {verdict} недостижим ни при каких ответах: ему соответствует сумма баллов от {negotiate} до {last}, '
        'а возможные суммы — от {low} до {high}'
    ),
    # arithmetic.py:232
    (
        'no score reaches the {verdict} band (below {negotiate}; reachable scores run from {low} to {high}): only '
        'knock-outs give {verdict}'
    ): (
        'ни одна сумма баллов не попадает в диапазон {verdict} (меньше {negotiate}; возможные суммы — от {low} до '
        '{high}): вердикт {verdict} дают только стоп-факторы'
    ),
    # arithmetic.py:235
    (
        'no score reaches the {verdict} band ({negotiate} to {last}; reachable scores run from {low} to {high}): only '
        'knock-outs give {verdict}'
    ): (
        'ни одна сумма баллов не попадает в диапазон {verdict} (от {negotiate} до {last}; возможные суммы — от {low} '
        'до {high}): вердикт {verdict} дают только стоп-факторы'
    ),
    # arithmetic.py:165
    'question {question!r} can never change a verdict: every answer scores 0 and none knocks out': (
        'вопрос {question!r} никогда не меняет вердикт: все ответы дают 0 баллов, и ни один не становится '
        'стоп-фактором'
    ),
    # arithmetic.py:172
    (
        'question {question!r} can never change a verdict: its answers move the score by at most {n} point, never '
        'across a threshold'
    ): (
        'вопрос {question!r} никогда не меняет вердикт: его ответы сдвигают сумму баллов не больше чем на {n} балл и '
        'ни разу не переводят её через порог',
        'вопрос {question!r} никогда не меняет вердикт: его ответы сдвигают сумму баллов не больше чем на {n} балла и '
        'ни разу не переводят её через порог',
        'вопрос {question!r} никогда не меняет вердикт: его ответы сдвигают сумму баллов не больше чем на {n} баллов '
        'и ни разу не переводят её через порог',
    ),
    # atomic.py:47
    'cannot write here: {reason}': 'не удаётся записать файл в эту папку: {reason}',
    # atomic.py:69
    'cannot write: {reason}': 'не удаётся записать: {reason}',
    # atomic.py:60
    'already exists; choose another name': 'уже существует; выберите другое имя',
    # batchout.py:146, diff.py:34
    'error': 'ошибка',
    # batchout.py:65
    'no column for {questions}; counted as unknown in every row': (
        'нет столбца для {questions}; во всех строках ответ считается неизвестным'
    ),
    # batchout.py:69
    'ignoring columns that are not questions: {columns}': (
        'пропущены столбцы, которые не относятся к вопросам: {columns}'
    ),
    # batchout.py:85
    '-o {output}: that is the input file; clientscreen never overwrites its input': (
        '-o {output}: это входной файл; clientscreen никогда не перезаписывает входные данные'
    ),
    # batchout.py:149
    'Line': 'Строка',
    # batchout.py:150
    'Id': 'ID',
    # batchout.py:151
    'Name': 'Клиент',
    # batchout.py:152
    'Verdict': 'Вердикт',
    # batchout.py:153
    'Score': 'Итог',
    # batchout.py:154
    'Red flags / error': 'Красные флаги / ошибка',
    # batchrun.py:90
    '--id-column {column}: {path} has no such column': '--id-column {column}: в {path} нет такого столбца',
    # batchrun.py:164
    '{problem} (--strict: stopped at the first bad row)': (
        '{problem} (--strict: остановлено на первой строке с ошибкой)'
    ),
    # cases.py:288
    'score: expected {low} to {high}, got {score}': 'сумма баллов: ожидалось от {low} до {high}, получено {score}',
    # cases.py:76
    'case {case!r}: {message}': 'кейс {case!r}: {message}',
    # cases.py:142
    'a case file is a list of cases, or {rulebook, cases}': 'файл кейсов — это список кейсов или {rulebook, cases}',
    # cases.py:155
    'cases are a list: - name: …, answers: …, verdict: …': 'cases — это список: - name: …, answers: …, verdict: …',
    # cases.py:240
    'FAIL': 'НЕ ПРОЙДЕН',
    # cases.py:240
    'TODO': 'ОТЛОЖЕН',
    # cases.py:240
    'FIXED': 'ИСПРАВЛЕН',
    # cases.py:240
    'ok': 'пройден',
    # cases.py:283
    'score: expected {expected}, got {score}': 'сумма баллов: ожидалось {expected}, получено {score}',
    # cases.py:285
    'score: expected at most {high}, got {score}': 'сумма баллов: ожидалось не больше {high}, получено {score}',
    # cases.py:287
    'score: expected at least {low}, got {score}': 'сумма баллов: ожидалось не меньше {low}, получено {score}',
    # cases.py:296
    'questions': 'вопросы',
    # cases.py:296
    'answers': 'ответы',
    # cases.py:296
    'knock-outs': 'стоп-факторы',
    # cases.py:296
    'bands': 'диапазоны',
    # cases.py:372
    '{path}: {cases}: {results}': '{path}: {cases}: {results}',
    # cases.py:131
    'another case has this name (line {line})': 'кейс с таким именем уже есть (строка {line})',
    # cases.py:228
    "passes now; remove 'todo'": "теперь проходит; уберите 'todo'",
    # cases.py:257
    'verdict: expected {expected}, got {verdict} (score {score})': (
        'вердикт: ожидался {expected}, получен {verdict} (сумма баллов {score})'
    ),
    # cases.py:378
    '{path}: coverage {percent}% ({counts})': '{path}: покрытие {percent}\xa0% ({counts})',
    # cases.py:421
    '{path}: coverage {percent}% is below --min-coverage {minimum}%': (
        '{path}: покрытие {percent}\xa0% — меньше, чем --min-coverage {minimum}\xa0%'
    ),
    # cases.py:263
    'flag {flag}: expected to fire, did not': 'флаг {flag}: должен был сработать, но не сработал',
    # cases.py:266
    'flag {flag}: expected not to fire, fired': 'флаг {flag}: не должен был сработать, но сработал',
    # cases.py:365
    '{n} passed': ('{n} пройден', '{n} пройдено', '{n} пройдено'),
    # cases.py:366
    '{n} failed': ('{n} не пройден', '{n} не пройдено', '{n} не пройдено'),
    # cases.py:367, cli.py:353, lint.py:529
    '{n} error': ('{n} ошибка', '{n} ошибки', '{n} ошибок'),
    # cases.py:368
    '{n} todo': ('{n} отложен', '{n} отложено', '{n} отложено'),
    # cases.py:369
    '{n} todo now passing': (
        '{n} отложенный уже проходит',
        '{n} отложенных уже проходят',
        '{n} отложенных уже проходят',
    ),
    # cases.py:371
    'no cases': 'кейсов нет',
    # cases.py:373
    '{n} case': ('{n} кейс', '{n} кейса', '{n} кейсов'),
    # cases.py:381
    'not exercised: {kind}: {items}': 'не покрыты: {kind}: {items}',
    # cases.py:187
    '{key}: no category or question {flag!r} in rulebook {rulebook}': (
        '{key}: в наборе правил {rulebook} нет категории или вопроса {flag!r}'
    ),
    # cases.py:230
    '(todo: {reason})': '(причина: {reason})',
    # cases.py:97
    'holds no rulebook (*.yaml, *.yml)': 'в папке нет набора правил (*.yaml, *.yml)',
    # cases.py:462
    'todo: {mismatches}': 'отложен: {mismatches}',
    # cli.py:29
    (
        'Exit codes: 0 ok; 1 problems found (invalid rows, failed checks); 2 usage error;\n'
        '3 an input file (rulebook, answers, CSV) cannot be used; 129/130/143 hung up, interrupted, terminated;\n'
        '70 internal error (please report it with the --debug output).'
    ): (
        'Коды выхода: 0 — всё в порядке; 1 — найдены проблемы (ошибочные строки, непройденные проверки); 2 — ошибка в '
        'команде;\n'
        '3 — входной файл (набор правил, ответы, CSV) нельзя использовать; 129/130/143 — терминал закрыт, прервано, '
        'остановлено;\n'
        '70 — внутренняя ошибка (сообщите о ней, приложив вывод с --debug).'
    ),
    # cli.py:35, cli.py:111
    'Screen a prospective client before the first meeting: take, negotiate or decline.': (
        'Оценить потенциального клиента до первой встречи: «взять», «договориться» или «отказать».'
    ),
    # cli.py:43
    'Check and inspect rulebooks.': 'Проверить и просмотреть наборы правил.',
    # cli.py:143
    "Score one prospect's answers file and print the report.": 'Оценить файл ответов одного клиента и вывести отчёт.',
    # cli.py:179
    'Run the intake interview in the terminal, saving every answer as it is given.': (
        'Провести опрос в терминале, сохраняя каждый ответ сразу.'
    ),
    # cli.py:263
    'clientscreen: {what}. The answers so far are in {path}; continue with: clientscreen interview --resume {path}': (
        'clientscreen: {what}. Ответы, которые вы успели дать, сохранены в {path}; чтобы продолжить, введите: '
        'clientscreen interview --resume {path}'
    ),
    # cli.py:280
    'Print the CSV header a sales team fills in, or the questions as JSON for integrators.': (
        'Вывести заголовок CSV, который заполняют менеджеры по продажам, или вопросы в JSON для интеграций.'
    ),
    # cli.py:296
    "Score every row of a CSV export (one column per question: see 'clientscreen template').": (
        "Оценить каждую строку выгрузки CSV (один столбец на вопрос; заголовок выводит 'clientscreen template')."
    ),
    # cli.py:383
    'Lint rulebooks: schema, references, skip logic, score arithmetic, texts. Errors exit 1.': (
        'Проверить наборы правил: схема, ссылки, логика пропуска, арифметика баллов, тексты. При ошибках код выхода 1.'
    ),
    # cli.py:417
    'Run the golden cases beside each rulebook (inline cases: or a cases/ folder) and report coverage.': (
        'Прогнать эталонные кейсы каждого набора правил (ключ cases: в самом файле или папка cases/) и показать '
        'покрытие.'
    ),
    # cli.py:444
    'Re-score prospects under two rulebooks: which verdicts change, by how much, and because of which answers.': (
        'Пересчитать клиентов по двум наборам правил: какие вердикты меняются, насколько и из-за каких ответов.'
    ),
    # cli.py:474
    "Print the rulebook's JSON Schema, for editors (yaml-language-server) and other tools.": (
        'Вывести JSON Schema набора правил для редакторов (yaml-language-server) и других инструментов.'
    ),
    # cli.py:486
    'Show a rulebook for review: categories, questions, answers, points, knock-outs, thresholds.': (
        'Показать набор правил для ревью: категории, вопросы, ответы, баллы, стоп-факторы, пороги.'
    ),
    # cli.py:198
    (
        "the interview needs a terminal; without one, score answers files with 'clientscreen report FILE' or a CSV "
        "with 'clientscreen score FILE'"
    ): (
        "для опроса нужен терминал; без него оценивайте файлы ответов командой 'clientscreen report FILE', а CSV — "
        "командой 'clientscreen score FILE'"
    ),
    # cli.py:202
    '--resume continues a file as it is; it takes neither --out nor --prospect': (
        '--resume продолжает файл как есть; --out и --prospect вместе с ним не указываются'
    ),
    # cli.py:230
    'Answers are saved to {path} as you go.': 'Ответы сохраняются в {path} по ходу опроса.',
    # cli.py:235
    'Answers saved to {path}': 'Ответы сохранены в {path}',
    # cli.py:251
    'The rulebook has changed since {path} was started.': (
        'Набор правил изменился с тех пор, как был начат файл {path}.'
    ),
    # cli.py:261
    'clientscreen: {what}; nothing was saved yet': 'clientscreen: {what}; ничего ещё не сохранено',
    # cli.py:325
    '--decimal takes , or . (got {given!r})': '--decimal принимает , или . (получено {given!r})',
    # cli.py:352
    '{rows}: {verdicts}, {errors}; {speed} rows/s': '{rows}: {verdicts}, {errors}; {speed} строк/с',
    # cli.py:52
    'Rulebook file (default: the bundled rulebook).': 'Файл набора правил (по умолчанию — встроенный набор правил).',
    # cli.py:59
    'Write here instead of standard output (atomically).': 'Записать сюда, а не в стандартный вывод (атомарно).',
    # cli.py:79
    'Language of everything shown: en, da, he or ru (default: $CLIENTSCREEN_LANG, else the locale).': (
        'Язык всего вывода: en, da, he или ru (по умолчанию — $CLIENTSCREEN_LANG, иначе локаль).'
    ),
    # cli.py:253
    '{question}: {reason}; kept in the file, asked again where it still applies': (
        '{question}: {reason}; ответ остаётся в файле, а вопрос будет задан снова, если он ещё применим'
    ),
    # cli.py:340
    'Scoring': 'Подсчёт баллов',
    # cli.py:347
    '… and {n} more row with errors (see the error column)': (
        '… и ещё {n} строка с ошибкой (см. столбец error)',
        '… и ещё {n} строки с ошибками (см. столбец error)',
        '… и ещё {n} строк с ошибками (см. столбец error)',
    ),
    # cli.py:373
    (
        'Rulebook files or folders; a file in a cases/ folder stands for the rulebooks beside it (default: '
        '$CLIENTSCREEN_RULES or the bundled one).'
    ): (
        'Файлы или папки с наборами правил; файл в папке cases/ означает наборы правил рядом с этой папкой (по '
        'умолчанию — $CLIENTSCREEN_RULES или встроенный набор).'
    ),
    # cli.py:352
    '{n} row': ('{n} строка', '{n} строки', '{n} строк'),
    # cli.py:534
    'clientscreen: internal error: {kind}: {error} (run with --debug for details)': (
        'clientscreen: внутренняя ошибка: {kind}: {error} (подробности покажет запуск с --debug)'
    ),
    # cli.py:114
    'Show the version and exit.': 'Показать версию и выйти.',
    # cli.py:116
    'Show tracebacks for errors.': 'Показывать трассировку стека при ошибках.',
    # cli.py:145
    'Answers file (YAML or JSON).': 'Файл ответов (YAML или JSON).',
    # cli.py:147
    'Output format.': 'Формат вывода.',
    # cli.py:183
    'Answers file to create (default: screenings/NAME-DATE.yaml).': (
        'Какой файл ответов создать (по умолчанию screenings/NAME-DATE.yaml).'
    ),
    # cli.py:186
    'Continue an interview from its answers file.': 'Продолжить опрос по его файлу ответов.',
    # cli.py:189
    "The prospect's name; asked if not given.": 'Имя клиента; если не указано, программа его спросит.',
    # cli.py:284
    'csv: a header to fill in; json: the questions.': 'csv — заголовок для заполнения; json — вопросы.',
    # cli.py:298
    'CSV export to score, or - for standard input.': 'Выгрузка CSV для оценки или - для стандартного ввода.',
    # cli.py:301
    'Write here (atomically), or - for standard output.': 'Записать сюда (атомарно) или - для стандартного вывода.',
    # cli.py:303
    'csv, jsonl (full assessments) or table.': 'csv, jsonl (полные оценки) или table.',
    # cli.py:305
    'Column that identifies a row (default: id).': 'Столбец, который идентифицирует строку (по умолчанию id).',
    # cli.py:307
    'e.g. cp1252; default UTF-8 (BOM-aware).': 'Например, cp1252; по умолчанию UTF-8 (с учётом BOM).',
    # cli.py:310
    'Field separator (, ; | or tab); default: detected.': (
        'Разделитель полей (, ; | или tab); по умолчанию определяется автоматически.'
    ),
    # cli.py:312
    'Decimal mark in numbers: , or .': 'Десятичный знак в числах: , или .',
    # cli.py:313
    'Stop at the first bad row.': 'Остановиться на первой строке с ошибкой.',
    # cli.py:314
    'Processes to score with.': 'Сколько процессов использовать для оценки.',
    # cli.py:315
    'No progress bar and no summary.': 'Без индикатора выполнения и без итоговой сводки.',
    # cli.py:389
    'text, json or github (default: github when GITHUB_ACTIONS=true).': (
        'text, json или github (по умолчанию github, если GITHUB_ACTIONS=true).'
    ),
    # cli.py:392
    'Warnings fail the check too.': 'Предупреждения тоже проваливают проверку.',
    # cli.py:395
    (
        'The rulebook before the edit (a file, REV:PATH or a git revision such as HEAD), to make sure its version was '
        'bumped.'
    ): (
        'Набор правил до правки (файл, REV:PATH или ревизия git, например HEAD), чтобы убедиться, что версия повышена.'
    ),
    # cli.py:423
    'Fail when the cases cover less.': 'Провалить проверку, если покрытие кейсами меньше.',
    # cli.py:426
    'Also write JUnit XML here.': 'Также записать сюда JUnit XML.',
    # cli.py:447
    'Rulebook before the edit: a file or REV:PATH.': 'Набор правил до правки: файл или REV:PATH.',
    # cli.py:448
    'Rulebook after the edit: a file or REV:PATH.': 'Набор правил после правки: файл или REV:PATH.',
    # cli.py:450
    'A CSV export or a folder of answers files.': 'Выгрузка CSV или папка с файлами ответов.',
    # cli.py:452
    'text, markdown (for a pull request) or json.': 'text, markdown (для pull request) или json.',
    # cli.py:454
    'Exit 1 if any verdict changes.': 'Выйти с кодом 1, если изменится хоть один вердикт.',
    # cli.py:490
    'Rulebook file (default: the bundled one).': 'Файл набора правил (по умолчанию — встроенный).',
    # cli.py:225
    'Prospect name:': 'Имя клиента:',
    # cli.py:226
    'Company (optional):': 'Компания (необязательно):',
    # cli.py:227
    'Contact (optional):': 'Контакт (необязательно):',
    # csvinput.py:37
    'try --encoding cp1252 (Danish Excel), cp1251 (Russian) or cp1255 (Hebrew), or save as CSV UTF-8': (
        'попробуйте --encoding cp1252 (датский Excel), cp1251 (русский) или cp1255 (иврит) либо сохраните файл как '
        'CSV UTF-8'
    ),
    # csvinput.py:261
    'is not {encoding} text at byte {offset} (0x{byte:02x}); {hint}': (
        'это не текст в кодировке {encoding} (байт {offset}: 0x{byte:02x}); {hint}'
    ),
    # csvinput.py:111
    'a field is larger than {size} KiB': 'поле больше {size} КиБ',
    # csvinput.py:113
    'a quote opened on this line is never closed': 'кавычка, открытая в этой строке, нигде не закрыта',
    # csvinput.py:115
    'text follows a closing quote; a quote inside a quoted field is written twice ("")': (
        'после закрывающей кавычки идёт текст; кавычка внутри поля в кавычках записывается дважды ("")'
    ),
    # csvinput.py:134
    "--delimiter takes one character (or 'tab'), got {delimiter!r}": (
        "--delimiter принимает один символ (или 'tab'), получено {delimiter!r}"
    ),
    # csvinput.py:136
    '--delimiter cannot be {delimiter!r}': '--delimiter не может быть {delimiter!r}',
    # csvinput.py:144
    'unknown encoding {encoding!r}; try cp1252, cp1251, cp1255 or utf-16': (
        'неизвестная кодировка {encoding!r}; попробуйте cp1252, cp1251, cp1255 или utf-16'
    ),
    # csvinput.py:185
    'column {column} repeats the header {header!r} of column {first}; rename or remove one': (
        'у столбца {column} тот же заголовок {header!r}, что у столбца {first}; переименуйте или удалите один из них'
    ),
    # csvinput.py:283
    'is empty: no header, no rows': 'файл пуст: нет ни заголовка, ни строк',
    # csvinput.py:302
    'is not {encoding} text; {hint}': 'это не текст в кодировке {encoding}; {hint}',
    # csvinput.py:175
    'has no header line: export it with column names': 'нет строки заголовка: выгрузите файл с названиями столбцов',
    # csvinput.py:178
    (
        'has NUL bytes in its header line: if it is UTF-16 without a byte order mark, try --encoding utf-16-le (or '
        'utf-16-be)'
    ): (
        'в строке заголовка есть байты NUL: если это UTF-16 без метки порядка байтов (BOM), попробуйте --encoding '
        'utf-16-le (или utf-16-be)'
    ),
    # csvinput.py:198, safeyaml.py:144
    'is a folder, not a file': 'это папка, а не файл',
    # csvinput.py:200, safeyaml.py:146
    'cannot read: {reason}': 'не удаётся прочитать: {reason}',
    # csvinput.py:77
    'has {n} field; the header has {width}': (
        'в строке {n} поле, а в заголовке — {width}',
        'в строке {n} поля, а в заголовке — {width}',
        'в строке {n} полей, а в заголовке — {width}',
    ),
    # csvinput.py:84
    'contains a NUL byte': 'содержит байт NUL',
    # diff.py:306
    '{prospects}: {changed}, {score_only}, {unchanged}': '{prospects}: {changed}, {score_only}, {unchanged}',
    # diff.py:336
    'score {old} -> {new} ({delta:+d})': 'сумма баллов {old} -> {new} ({delta:+d})',
    # diff.py:352, diff.py:389
    'old \\ new': 'было \\ стало',
    # diff.py:34, rulebook.py:59
    'take': 'взять',
    # diff.py:34, rulebook.py:59
    'negotiate': 'договориться',
    # diff.py:34, rulebook.py:59
    'decline': 'отказать',
    # diff.py:335
    'score {old} -> {new}': 'сумма баллов {old} -> {new}',
    # diff.py:345
    'rules diff: {old} -> {new}': 'сравнение наборов правил: {old} -> {new}',
    # diff.py:378
    '### Rulebook impact: `{old_id} {old_version}` -> `{new_id} {new_version}`': (
        '### Влияние изменений в наборе правил: `{old_id} {old_version}` -> `{new_id} {new_version}`'
    ),
    # diff.py:381
    'Old: {old}, new: {new}. {headline}.': 'Было: {old}, стало: {new}. {headline}.',
    # diff.py:60
    'git exited with {code}': 'git завершился с кодом {code}',
    # diff.py:197
    '{points}, knock-out {verdict}': '{points}, стоп-фактор: {verdict}',
    # diff.py:282
    'thresholds: {change}': 'пороги: {change}',
    # diff.py:308
    '{n} prospect': ('{n} клиент', '{n} клиента', '{n} клиентов'),
    # diff.py:309
    '{n} changed verdict': ('новый вердикт — {n}', 'новый вердикт — {n}', 'новый вердикт — {n}'),
    # diff.py:310
    '{n} changed score only': (
        'изменилась только сумма баллов — {n}',
        'изменилась только сумма баллов — {n}',
        'изменилась только сумма баллов — {n}',
    ),
    # diff.py:311
    '{n} unchanged': ('без изменений — {n}', 'без изменений — {n}', 'без изменений — {n}'),
    # diff.py:359
    '{old} to {new}: {count}': '{old} -> {new}: {count}',
    # diff.py:386
    '**Thresholds changed**: {change}': '**Пороги изменились**: {change}',
    # diff.py:396
    '#### Changed verdicts': '#### Изменившиеся вердикты',
    # diff.py:116
    'holds no answers files (*.yaml, *.yml, *.json)': 'в папке нет файлов ответов (*.yaml, *.yml, *.json)',
    # diff.py:189
    'not in the rulebook': 'нет в наборе правил',
    # diff.py:190
    'not scored': 'без оценки',
    # diff.py:191
    'skipped': 'пропущен',
    # diff.py:192, interview.py:225
    'unknown': 'неизвестно',
    # diff.py:369
    'the thresholds moved': 'сдвинулись пороги',
    # diff.py:46
    "a git revision cannot start with '-'": "ревизия git не может начинаться с '-'",
    # diff.py:63
    'git cannot read it: {reason}': 'git не смог прочитать: {reason}',
    # diff.py:65
    'is larger than {size} KiB': 'больше {size} КиБ',
    # diff.py:370
    'no answer counts differently: {reason}': 'ни один ответ не считается по-новому: {reason}',
    # diff.py:55
    'git is not installed; give the old rulebook as a file': 'git не установлен; укажите старый набор правил файлом',
    # diff.py:57
    'git did not answer within {seconds} s': 'git не ответил за {seconds} с',
    # diff.py:69
    'is not UTF-8 text': 'это не текст в кодировке UTF-8',
    # errors.py:93
    'No such file or directory': 'Нет такого файла или каталога',
    # errors.py:94
    'Permission denied': 'Отказано в доступе',
    # errors.py:95
    'Operation not permitted': 'Операция не разрешена',
    # errors.py:96
    'Is a directory': 'Это каталог',
    # errors.py:97
    'Not a directory': 'Это не каталог',
    # errors.py:98
    'No space left on device': 'На устройстве не осталось места',
    # errors.py:99
    'Disk quota exceeded': 'Превышена дисковая квота',
    # errors.py:100
    'Read-only file system': 'Файловая система доступна только для чтения',
    # errors.py:101
    'File exists': 'Файл уже существует',
    # errors.py:102
    'File name too long': 'Слишком длинное имя файла',
    # errors.py:103
    'Input/output error': 'Ошибка ввода-вывода',
    # errors.py:48
    'warning: {message}': 'предупреждение: {message}',
    # i18n.py:58
    '{source} {value!r} is not a language clientscreen speaks; use one of {languages}': (
        '{source} {value!r}: clientscreen не знает такого языка; укажите один из: {languages}'
    ),
    # interview.py:238
    'a number or a value': 'номер или значение',
    # interview.py:231
    'y/n': 'д/н',
    # interview.py:233
    'a number, in {unit}': 'число, {unit}',
    # interview.py:235
    'any text, or Enter to skip': 'любой текст или Enter, чтобы пропустить',
    # interview.py:197
    'this is the first question': 'это первый вопрос',
    # interview.py:220
    '{answer} (no longer allowed)': '{answer} (больше не допускается)',
    # interview.py:120, scoring.py:113
    'no such question in this rulebook': 'в этом наборе правил нет такого вопроса',
    # interview.py:276
    'type a question number, or {finish} to finish': 'введите номер вопроса или {finish}, чтобы закончить',
    # lint.py:69
    'the file cannot be read as YAML': 'файл не читается как YAML',
    # lint.py:70
    "the rulebook does not fit the schema (see 'clientscreen rules schema')": (
        "набор правил не соответствует схеме (см. 'clientscreen rules schema')"
    ),
    # lint.py:71
    'a rule of the rulebook format is broken (answers of a yes/no, bands, units)': (
        'нарушено правило формата набора правил (ответы вопроса «да/нет», диапазоны, единицы измерения)'
    ),
    # lint.py:72
    'duplicate id: category, question, answer value or case name': (
        'повтор: id категории или вопроса, значение ответа или имя кейса'
    ),
    # lint.py:73
    'reference to an unknown category, question or answer value': (
        'ссылка на неизвестную категорию, вопрос или значение ответа'
    ),
    # lint.py:74
    'skip logic points to a later question': 'логика пропуска ссылается на более поздний вопрос',
    # lint.py:75
    'skip logic loops': 'логика пропуска зацикливается',
    # lint.py:76
    'a case answer the parser cannot read': 'ответ в кейсе, который не удаётся разобрать',
    # lint.py:77
    'a case does not fit the case format': 'кейс не соответствует формату кейсов',
    # lint.py:78
    'a knock-out that can never be asked': 'стоп-фактор, вопрос которого никогда не задаётся',
    # lint.py:79
    'a verdict no set of answers can give': 'вердикт, к которому не ведут никакие ответы',
    # lint.py:80
    'a verdict band no score reaches (only knock-outs give that verdict)': (
        'диапазон вердикта, в который не попадает ни одна сумма баллов (этот вердикт дают только стоп-факторы)'
    ),
    # lint.py:81
    'thresholds out of order': 'пороги идут не по порядку',
    # lint.py:82
    'a question that can never change any verdict': 'вопрос, который никогда не меняет вердикт',
    # lint.py:83
    'a category without why, advice or source text': 'категория без текста why, advice или source',
    # lint.py:84
    'a negotiable answer without the term to propose': 'ответ можно обсудить, но не указано, какое условие предложить',
    # lint.py:85
    'a negotiable term that secures no better an answer': 'обсуждаемое условие, которое не даёт лучшего ответа',
    # lint.py:86
    'a text without its translation into a language the rulebook is written in': (
        'текст без перевода на один из языков набора правил'
    ),
    # lint.py:87
    'two answers to one question that a user would type the same way': (
        'два ответа на один вопрос, которые вводятся одинаково'
    ),
    # lint.py:88
    'the content changed but the version did not': 'содержание изменилось, а версия — нет',
    # lint.py:89
    'the old rulebook to compare with cannot be read': 'не удаётся прочитать старый набор правил для сравнения',
    # lint.py:126
    '{path}: cannot be checked': '{path}: проверить невозможно',
    # lint.py:157
    '--old names one rulebook; with several paths give a git revision, e.g. --old HEAD': (
        '--old указывает один набор правил; если путей несколько, укажите ревизию git, например --old HEAD'
    ),
    # lint.py:179, rulebook.py:331
    'a rulebook is a mapping with id, version, questions, …': (
        'набор правил — это словарь с ключами id, version, questions, …'
    ),
    # lint.py:324
    'its skip logic loops': 'его логика пропуска зацикливается',
    # lint.py:403
    'English': 'английском',
    # lint.py:403
    'Danish': 'датском',
    # lint.py:403
    'Hebrew': 'иврите',
    # lint.py:403
    'Russian': 'русском',
    # lint.py:527
    '{errors}, {warnings} in {files}': '{errors}, {warnings} в {files}',
    # lint.py:129
    '{n} category': ('{n} категория', '{n} категории', '{n} категорий'),
    # lint.py:130
    '{n} question': ('{n} вопрос', '{n} вопроса', '{n} вопросов'),
    # lint.py:134
    'scores from {low} to {high}': 'сумма баллов от {low} до {high}',
    # lint.py:226
    'decline must be above negotiate (negotiate {negotiate}, decline {decline})': (
        'порог decline должен быть выше negotiate (negotiate {negotiate}, decline {decline})'
    ),
    # lint.py:285
    'skip logic loops: {loop}': 'логика пропуска зацикливается: {loop}',
    # lint.py:292
    'skip logic refers to unknown question {question!r}': (
        'логика пропуска ссылается на неизвестный вопрос {question!r}'
    ),
    # lint.py:299
    'skip logic points forward: {target!r} is asked after {question!r}; move {question!r} below it': (
        'логика пропуска ссылается вперёд: {target!r} задаётся после {question!r}; перенесите {question!r} ниже'
    ),
    # lint.py:326
    'it depends on unknown question {question!r}': 'он зависит от неизвестного вопроса {question!r}',
    # lint.py:340
    'knock-out {question}={answer} can never be asked: {reason}': (
        'вопрос стоп-фактора {question}={answer} никогда не задаётся: {reason}'
    ),
    # lint.py:521
    '{path}: checked ({summary})': '{path}: проверен ({summary})',
    # lint.py:523
    '{path}: ok ({summary})': '{path}: без замечаний ({summary})',
    # lint.py:239
    'duplicate category id {id!r} (first at line {line})': (
        'повторяющийся id категории {id!r} (впервые в строке {line})'
    ),
    # lint.py:241
    'duplicate question id {id!r} (first at line {line})': 'повторяющийся id вопроса {id!r} (впервые в строке {line})',
    # lint.py:251, lint.py:263, rulebook.py:450, rulebook.py:420
    'unknown category {category!r}': 'неизвестная категория {category!r}',
    # lint.py:269, lint.py:307
    '{question!r} has no answer {answer!r}': 'у вопроса {question!r} нет ответа {answer!r}',
    # lint.py:328
    'no answer to {question!r} asks it': 'ни один ответ на {question!r} не ведёт к этому вопросу',
    # lint.py:375
    '{question!r} is negotiable but its term is blank: write what to propose': (
        'вопрос {question!r} помечен как обсуждаемый, но условие (term) не заполнено: напишите, что предложить'
    ),
    # lint.py:387
    'the term secures {answer!r}, which scores no better than any other answer to {question!r}': (
        'условие даёт ответ {answer!r}, а он оценивается не лучше любого другого ответа на {question!r}'
    ),
    # lint.py:446
    (
        'the content changed since {old} but the version is still {version!r}; bump it, since answers files record '
        'the version they were given against'
    ): (
        'содержание изменилось по сравнению с {old}, а версия всё ещё {version!r}; повысьте её: в файлах ответов '
        'записана версия, по которой они заполнялись'
    ),
    # lint.py:530
    '{n} warning': ('{n} предупреждение', '{n} предупреждения', '{n} предупреждений'),
    # lint.py:531
    '{n} file': ('{n} файле', '{n} файлах', '{n} файлах'),
    # lint.py:258
    'duplicate answer {answer!r} in {question!r}': 'повторяющийся ответ {answer!r} в вопросе {question!r}',
    # lint.py:330
    '{question!r}, which it depends on, can never be asked': (
        '{question!r}, от которого он зависит, никогда не задаётся'
    ),
    # lint.py:364
    'category {category!r} has no {field} text: write it for the reader': (
        'у категории {category!r} нет текста {field}: напишите его для читателя'
    ),
    # lint.py:398
    'no {language} text ({lang}); readers in {language} see the English here': (
        'нет текста на {language} ({lang}); кто читает на {language}, увидит здесь английский текст'
    ),
    # lint.py:415
    'the label {label!r} reads like answer {other!r} of {question!r}; typed, it means that one': (
        'метка {label!r} читается как ответ {other!r} вопроса {question!r}; при вводе она и будет означать этот ответ'
    ),
    # report.py:116
    'take below {negotiate} · negotiate {negotiate} to {last} · decline from {decline}': (
        'взять — меньше {negotiate} · договориться — {negotiate}–{last} · отказать — от {decline}'
    ),
    # report.py:227, rulebookview.py:35
    'Category': 'Категория',
    # report.py:228, rulebookview.py:62
    'Points': 'Баллы',
    # report.py:259
    'Score {score}': 'Сумма баллов: {score}',
    # report.py:263
    'Evidence: {share} of the points at stake answered': 'Полнота данных: есть ответы на {share} возможных баллов',
    # report.py:296
    'Prospect': 'Клиент',
    # report.py:300
    'Score **{score}** ({bands}); evidence {share}.': 'Сумма баллов: **{score}** ({bands}); полнота данных: {share}.',
    # report.py:124
    '{n} point from a worse verdict': (
        'до худшего вердикта {n} балл',
        'до худшего вердикта {n} балла',
        'до худшего вердикта {n} баллов',
    ),
    # report.py:127
    '{n} point from a better one': ('до лучшего — {n} балл', 'до лучшего — {n} балла', 'до лучшего — {n} баллов'),
    # report.py:182, report.py:308
    'Red flags': 'Красные флаги',
    # report.py:182, report.py:308
    'Green flags': 'Зелёные флаги',
    # report.py:265
    '; below {share}, so ask more before deciding': (
        '; это меньше {share}, расспросите клиента подробнее, прежде чем решать'
    ),
    # report.py:175, report.py:305
    'Knock-outs': 'Стоп-факторы',
    # report.py:190, report.py:319
    'Put on the table: would make it {verdict}': 'Предложить клиенту — вердикт станет «{verdict}»',
    # report.py:202
    'Still unknown: ask these next': 'Пока неизвестно: спросите в первую очередь',
    # report.py:215
    'By category': 'По категориям',
    # report.py:254, report.py:298
    'provisional': 'предварительно',
    # report.py:257
    'The score alone says {verdict}; a knock-out overrides it.': (
        'По сумме баллов — «{verdict}», но стоп-фактор это перекрывает.'
    ),
    # report.py:269
    'Contact:': 'Контакт:',
    # report.py:271, report.py:303
    'Notes:': 'Заметки:',
    # report.py:286, report.py:316
    'Why:': 'Почему это важно:',
    # report.py:287, report.py:316
    'Do:': 'Что делать:',
    # report.py:288
    'Source:': 'Источник:',
    # report.py:322
    'Still unknown': 'Пока неизвестно',
    # report.py:198
    'Put on the table': 'Предложить клиенту',
    # report.py:199
    'No negotiable term would change this verdict.': 'Ни одно из условий этот вердикт не изменит.',
    # report.py:211
    '… and {n} more': ('… и ещё {n} вопрос', '… и ещё {n} вопроса', '… и ещё {n} вопросов'),
    # report.py:179
    # report.py:194
    '{points} point': ('{points} балл', '{points} балла', '{points} баллов'),
    # report.py:206
    'can knock out': 'может стать стоп-фактором',
    # rulebook.py:381
    'should be text, or a map of language to text (en: …, da: …), got {given!r}': (
        'ожидается текст или словарь «язык: текст» (en: …, ru: …), получено {given!r}'
    ),
    # rulebook.py:378, rulebook.py:365
    'is empty; write the text after the colon': 'значение пустое; напишите текст после двоеточия',
    # rulebook.py:380, rulebook.py:367
    'YAML reads this unquoted value as the number {given!r}; quote it to keep it as written': (
        'YAML читает это значение без кавычек как число {given!r}; заключите его в кавычки, чтобы оно осталось как '
        'написано'
    ),
    # rulebook.py:350
    '{key!r} is not a language of clientscreen; texts are given in {languages}': (
        'clientscreen не поддерживает язык {key!r}; тексты задаются на языках: {languages}'
    ),
    # rulebook.py:166
    'yes': 'да',
    # rulebook.py:166
    'no': 'нет',
    # rulebook.py:353
    'the English text (en) is required: other languages fall back to it': (
        'нужен текст на английском (en): его показывают, когда перевода нет'
    ),
    # rulebook.py:406
    'decline must be above negotiate': 'порог decline должен быть выше negotiate',
    # rulebook.py:445
    'a {type} question needs answers': 'вопросу типа {type} нужны ответы',
    # rulebook.py:456
    'a yesno question has exactly the answers yes and no': 'у вопроса типа yesno ровно два ответа: yes и no',
    # rulebook.py:410
    'duplicate category id {id!r}': 'повторяющийся id категории {id!r}',
    # rulebook.py:416
    'duplicate question id {id!r}': 'повторяющийся id вопроса {id!r}',
    # rulebook.py:418
    'a {type} question needs the category of the flag it raises': (
        'вопросу типа {type} нужна категория (category) флага, который он поднимает'
    ),
    # rulebook.py:426
    'refers to a later question {question!r}': 'ссылается на более поздний вопрос {question!r}',
    # rulebook.py:427
    'refers to an unknown question {question!r}': 'ссылается на неизвестный вопрос {question!r}',
    # rulebook.py:435
    'no answer {value!r} in this question': 'в этом вопросе нет ответа {value!r}',
    # rulebook.py:442
    'a note never scores; remove its answers': 'вопрос типа note не даёт баллов; удалите его ответы',
    # rulebook.py:452
    'duplicate answer {value!r}': 'повторяющийся ответ {value!r}',
    # rulebook.py:454
    'only number questions have bands': 'диапазоны бывают только у вопросов типа number',
    # rulebook.py:357
    'unknown field {field!r}; check its spelling': 'неизвестное поле {field!r}; проверьте написание',
    # rulebook.py:460
    'a scale has whole-number answers in steps of 1, e.g. 1 to 5': (
        'ответы шкалы (scale) — целые числа с шагом 1, например от 1 до 5'
    ),
    # rulebook.py:359
    'field {field!r} is required': 'поле {field!r} обязательно',
    # rulebook.py:463
    'a number question needs its unit': 'вопросу типа number нужна единица измерения (unit)',
    # rulebook.py:466
    "the last band has no upper bound; remove 'below'": "у последнего диапазона нет верхней границы; удалите 'below'",
    # rulebook.py:474
    'choice answers are snake_case words (numbers are for scales)': (
        'ответы вопроса типа choice — слова в snake_case (числа — для шкал)'
    ),
    # rulebook.py:361
    '{message}, got {given!r}': '{message}, получено {given!r}',
    # rulebook.py:432
    '{question!r} has no answer {value!r}': 'у вопроса {question!r} нет ответа {value!r}',
    # rulebook.py:469
    "bands go up: each 'below' is larger than the one before": (
        "диапазоны идут по возрастанию: каждое 'below' больше предыдущего"
    ),
    # rulebook.py:472
    "every band but the last needs 'below'": "всем диапазонам, кроме последнего, нужно 'below'",
    # rulebook.py:363
    '{given!r} is not an id: use lower-case letters, digits and _ (quote yes and no)': (
        '{given!r} не подходит как id: используйте строчные латинские буквы, цифры и _ (yes и no заключайте в кавычки)'
    ),
    # rulebook.py:370
    '{message}, got {given!r}; quote it': '{message}, получено {given!r}; заключите значение в кавычки',
    # rulebookview.py:23
    'red': 'красный флаг',
    # rulebookview.py:23
    'green': 'зелёный флаг',
    # rulebookview.py:23
    'ethics': 'этика',
    # rulebookview.py:61
    'Answer': 'Ответ',
    # rulebookview.py:63
    'Notes': 'Примечания',
    # rulebookview.py:27
    (
        'take below {negotiate} · negotiate {negotiate} to {last} · decline from {decline}; answers reach {low} to '
        '{high}'
    ): (
        'взять — меньше {negotiate} · договориться — {negotiate}–{last} · отказать — от {decline}; возможная сумма '
        'баллов — от {low} до {high}'
    ),
    # rulebookview.py:35
    'Kind': 'Тип',
    # rulebookview.py:78
    'below {bound}': 'меньше {bound}',
    # rulebookview.py:79
    'knock-out: {verdict}': 'стоп-фактор: {verdict}',
    # rulebookview.py:80
    'flag: {category}': 'флаг: {category}',
    # rulebookview.py:32, rulebookview.py:35
    'Categories': 'Категории',
    # rulebookview.py:48
    'asked if {question} is {values}': 'задаётся, если ответ на {question} — {values}',
    # rulebookview.py:51
    'negotiable to {value}: {term}': 'обсуждаемое условие (→ {value}): {term}',
    # rulebookview.py:49
    ' or ': ' или ',
    # safeyaml.py:148
    'is larger than {size} KiB; this is not a hand-written file': 'больше {size} КиБ; такие файлы вручную не пишут',
    # safeyaml.py:223
    '{constant} is not a number a file may contain': '{constant} не допускается в файле как число',
    # safeyaml.py:239
    'U+{code:04X} ends a line for some readers and not for others; delete it': (
        'U+{code:04X} одни программы считают концом строки, а другие нет; удалите этот символ'
    ),
    # safeyaml.py:275
    'control character {character} is not allowed; delete it': 'управляющий символ {character} недопустим; удалите его',
    # safeyaml.py:279
    'not valid YAML': 'некорректный YAML',
    # safeyaml.py:281
    'a tab character here; YAML indents with spaces': 'здесь символ табуляции; в YAML отступы делают пробелами',
    # safeyaml.py:157
    'is not UTF-8 text (byte 0x{byte:02x}); save it as UTF-8': (
        'это не текст в кодировке UTF-8 (байт 0x{byte:02x}); сохраните файл в UTF-8'
    ),
    # safeyaml.py:75
    'aliases (*name) are not allowed; write the value out': (
        'псевдонимы (*name) недопустимы; запишите значение полностью'
    ),
    # safeyaml.py:77
    'anchors (&name) are not allowed; write each value out': (
        'якоря (&name) недопустимы; запишите каждое значение полностью'
    ),
    # safeyaml.py:80
    'tags ({tag}) are not allowed; quote the value if it is text': (
        'теги ({tag}) недопустимы; если это текст, заключите значение в кавычки'
    ),
    # safeyaml.py:83
    'nested more than {depth} levels deep': 'глубина вложенности больше {depth}',
    # safeyaml.py:217
    'duplicate key {key!r}': 'повторяющийся ключ {key!r}',
    # safeyaml.py:323
    'cannot read value {value!r}: {error}': 'не удаётся прочитать значение {value!r}: {error}',
    # safeyaml.py:262
    'not valid YAML: {error}': 'некорректный YAML: {error}',
    # safeyaml.py:264, safeyaml.py:188
    'nested too deeply': 'слишком глубокая вложенность',
    # safeyaml.py:295
    'a key must be plain text': 'ключ должен быть простым текстом',
    # safeyaml.py:298
    'key {key!r} must be text; quote it': 'ключ {key!r} должен быть текстом; заключите его в кавычки',
    # safeyaml.py:302
    'duplicate key {key!r} (first at line {line}); keep one': (
        'повторяющийся ключ {key!r} (впервые в строке {line}); оставьте один'
    ),
    # screening.py:108
    'already exists; to continue it use --resume {path}': (
        'уже существует; чтобы продолжить опрос, укажите --resume {path}'
    ),
    # screening.py:76
    'another interview has this file open; finish that one first': (
        'этот файл открыт в другом опросе; сначала завершите тот опрос'
    ),
    # terminal.py:104
    '{key} back': '{key} назад',
    # terminal.py:104
    '{key} why': '{key} почему',
    # terminal.py:40
    'The interview was interrupted': 'Опрос прерван',
    # terminal.py:41
    'The input ended (Ctrl-D)': 'Ввод закончился (Ctrl-D)',
    # terminal.py:42
    'The terminal was closed': 'Терминал закрыт',
    # terminal.py:43
    'The interview was terminated': 'Опрос принудительно завершён',
    # terminal.py:82
    'This one is needed.': 'Это поле обязательно.',
    # terminal.py:103
    '{key} unknown': '{key} неизвестно',
    # terminal.py:106
    'now: {answer}': 'сейчас: {answer}',
    # terminal.py:128
    'Review your answers': 'Проверьте ответы',
    # terminal.py:135
    'Type a number to change that answer, or {finish} to finish.': (
        'Введите номер, чтобы изменить ответ, или {finish}, чтобы закончить.'
    ),
    # terminal.py:118
    'Nothing scores on this question; it is for your notes.': 'Этот вопрос не влияет на баллы: он для ваших заметок.',
    # terminal.py:121
    'Why: {text}': 'Почему это важно: {text}',
    # terminal.py:122
    'Do: {text}': 'Что делать: {text}',
    # terminal.py:123
    'Source: {article}, {section}': 'Источник: {article}, {section}',
    # validation.py:75
    'Input should be less than or equal to {bound}': 'Значение должно быть не больше {bound}',
    # validation.py:83
    '{choices} or {last}': '{choices} или {last}',
    # validation.py:25
    'Input should be {expected}': 'Допустимые значения: {expected}',
    # validation.py:28
    'String should have at least {n} character': (
        'Строка должна быть не короче {n} символа',
        'Строка должна быть не короче {n} символов',
        'Строка должна быть не короче {n} символов',
    ),
    # validation.py:31
    'String should have at most {n} character': (
        'Строка должна быть не длиннее {n} символа',
        'Строка должна быть не длиннее {n} символов',
        'Строка должна быть не длиннее {n} символов',
    ),
    # validation.py:34
    'List should have at least {n} item': (
        'В списке должно быть не меньше {n} элемента',
        'В списке должно быть не меньше {n} элементов',
        'В списке должно быть не меньше {n} элементов',
    ),
    # validation.py:43, validation.py:44
    'Input should be a valid integer': 'Ожидается целое число',
    # validation.py:45
    'Input should be a valid integer, got a number with a fractional part': 'Ожидается целое число, а не дробное',
    # validation.py:46, validation.py:47
    'Input should be a valid number': 'Ожидается число',
    # validation.py:48
    'Input should be a finite number': 'Ожидается конечное число',
    # validation.py:49
    'Input should be a valid string': 'Ожидается строка',
    # validation.py:50
    'Input should be a valid boolean': 'Ожидается логическое значение (true или false)',
    # validation.py:51
    'Input should be a valid list': 'Ожидается список',
    # validation.py:52, validation.py:53, validation.py:54
    'Input should be a valid dictionary': 'Ожидается словарь (ключ: значение)',
    # validation.py:55
    'Field required': 'Обязательное поле',
    # validation.py:56
    'Extra inputs are not permitted': 'Лишние поля недопустимы',
    # validation.py:70
    'Input should be greater than {bound}': 'Значение должно быть больше {bound}',
    # validation.py:72
    'Input should be greater than or equal to {bound}': 'Значение должно быть не меньше {bound}',
    # validation.py:74
    'Input should be less than {bound}': 'Значение должно быть меньше {bound}',
    # report.py, cli.py, diff.py: whole phrases where pieces were glued
    '{count} {verdict}': '«{verdict}»: {count}',
    '→ at least negotiate': '→ не лучше «договориться»',
    '→ decline': '→ «отказать»',
    '{title}: at least negotiate ({question})': '{title}: не лучше «договориться» ({question})',
    '{title}: decline ({question})': '{title}: «отказать» ({question})',
    'negotiate {old_negotiate} -> {new_negotiate}, decline {old_decline} -> {new_decline}':
        '«договориться» {old_negotiate} -> {new_negotiate}, «отказать» {old_decline} -> {new_decline}',
    'The record of every completed screening: import answers files, export, merge two spellings.':
        'Журнал всех завершённых проверок: импорт файлов ответов, экспорт, слияние двух написаний.',
    '{added} recorded, {known} already in the ledger, {drafts} drafts skipped, {failed} unreadable':
        'записано: {added}, уже в журнале: {known}, черновиков пропущено: {drafts}, не прочитано: {failed}',
    'Record answers files (or folders of them); importing twice adds nothing.':
        'Записать файлы ответов (или папки с ними); повторный импорт ничего не добавляет.',
    'Every screening in the ledger, as CSV or JSON Lines.': 'Все проверки из журнала в виде CSV или JSON Lines.',
    '{n} screening of {other} now belongs to {client}; {other} is a second name for it': (
        '{n} проверка {other} теперь относится к {client}; {other} — второе имя этого клиента',
        '{n} проверки {other} теперь относятся к {client}; {other} — второе имя этого клиента',
        '{n} проверок {other} теперь относятся к {client}; {other} — второе имя этого клиента',
    ),
    "Treat two spellings as one client: OTHER's screenings move to CLIENT.":
        'Считать два написания одним клиентом: проверки OTHER переходят к CLIENT.',
    '-o {path} is the ledger itself; write the export elsewhere':
        '-o {path} — это сам журнал; запишите экспорт в другое место',
    'Ledger database (default: $CLIENTSCREEN_LEDGER, else clientscreen.db in this folder).':
        'База данных журнала (по умолчанию: $CLIENTSCREEN_LEDGER, иначе clientscreen.db в этой папке).',
    'Answers files or folders, e.g. screenings/.': 'Файлы ответов или папки, например screenings/.',
    'csv or jsonl.': 'csv или jsonl.',
    "Only this client's screenings.": 'Только проверки этого клиента.',
    'The spelling to retire.': 'Написание, от которого отказываемся.',
    'The client to keep.': 'Клиент, который остаётся.',
    'Recorded in the ledger.': 'Записано в журнал.',
    'Do not record this screening in the ledger.': 'Не записывать эту проверку в журнал.',
    '{path}: written by a newer clientscreen (schema {found}, this one knows {known}); upgrade clientscreen': (
        '{path}: записан более новой версией clientscreen (схема {found}, эта версия знает {known}); обновите '
        'clientscreen'
    ),
    'another clientscreen kept the ledger busy for {seconds} seconds; try again':
        'другой процесс clientscreen занимал журнал {seconds} секунд; попробуйте ещё раз',
    '{path}: not a clientscreen ledger, or damaged ({reason})':
        '{path}: это не журнал clientscreen, или он повреждён ({reason})',
    '{path}: cannot open the ledger: {reason}': '{path}: не удаётся открыть журнал: {reason}',
    '{path}: {first!r} and {second!r} are already one client': '{path}: {first!r} и {second!r} — уже один клиент',
    '{path}: no client {client!r} in the ledger': '{path}: в журнале нет клиента {client!r}',
    'the ledger is read-only here': 'журнал здесь доступен только для чтения',
    'Review a current client: keep, renegotiate or let go, and what changed since the last review.': (
        'Пересмотр отношений с текущим клиентом: оставить, пересмотреть условия или расстаться, и что изменилось с '
        'прошлого пересмотра.'
    ),
    (
        "the review is an interview and needs a terminal; without one, score its answers file with 'clientscreen "
        "report FILE --rules rules/review.yaml'"
    ): (
        "пересмотр — это интервью, ему нужен терминал; без терминала оцените файл ответов командой 'clientscreen "
        "report FILE --rules rules/review.yaml'"
    ),
    "name the client to review, or --resume a review's answers file (not both)":
        'укажите клиента для пересмотра или --resume с файлом ответов пересмотра (не то и другое сразу)',
    'The first review of {client}.': 'Первый пересмотр: {client}.',
    'Since the review of {date}:': 'С пересмотра {date}:',
    'Heading the wrong way.': 'Ситуация ухудшается.',
    'Heading the right way.': 'Ситуация улучшается.',
    'Holding steady.': 'Без изменений.',
    'The screening of {date} said {verdict} (score {score}).': 'Проверка {date}: {verdict} (балл {score}).',
    'verdict {before} → {after}, score {old} → {new} ({delta:+d})':
        'вердикт {before} → {after}, балл {old} → {new} ({delta:+d})',
    '{title}: new: {now}': '{title}: новое: {now}',
    '{title}: gone (was {was})': '{title}: исчезло (было {was})',
    'No flag changed.': 'Ни один флаг не изменился.',
    "The client's name, as screened.": 'Имя клиента, как при проверке.',
    'Rulebook (default: the bundled review rulebook).': 'Набор правил (по умолчанию: встроенный набор для пересмотра).',
    'Continue a review from its answers file.': 'Продолжить пересмотр из его файла ответов.',
    '{title}: {was} → {now}, worse': '{title}: {was} → {now}, хуже',
    '{title}: {was} → {now}, better': '{title}: {was} → {now}, лучше',
    'clientscreen: {what}. The answers so far are in {path}; continue with: clientscreen review --resume {path}':
        'clientscreen: {what}. Ответы сохранены в {path}; продолжить: clientscreen review --resume {path}',
    '{take} below {negotiate} · {renegotiate} {negotiate} to {last} · {decline} from {at}':
        '{take} ниже {negotiate} · {renegotiate} от {negotiate} до {last} · {decline} от {at}',
    'Provisional: our own side is not checked yet. Answer the questions about it before letting go.':
        'Предварительно: наша сторона ещё не проверена. Ответьте на вопросы о ней, прежде чем расставаться.',
    'Provisional: by our own answers part of the fault is ours. Put that right before letting go.':
        'Предварительно: по нашим же ответам часть вины на нас. Исправьте это, прежде чем расставаться.',
    'Our own side is checked: we did our part.': 'Наша сторона проверена: мы сделали всё, что от нас зависело.',
    "The language of the texts to send the client (default: --lang's).":
        'Язык текстов для клиента (по умолчанию: язык --lang).',
    'Texts to send, in {language}': 'Тексты для отправки, язык: {language}',
    'What to do, in order': 'Что делать, по порядку',
    'Handover checklist': 'Чек-лист передачи дел',
    '{lang}: unknown field {field!r}; a text may use {fields}':
        '{lang}: неизвестное поле {field!r}; в тексте можно использовать {fields}',
    '{lang}: a brace that opens no field; write {{ and }} for braces in the text':
        '{lang}: фигурная скобка не открывает поле; для скобок в тексте пишите {{ и }}',
    'Every client in the ledger: latest verdict, trend, next review, and where the hours go.':
        'Все клиенты из журнала: последний вердикт, тенденция, следующий пересмотр и куда уходят часы.',
    'no red flags': 'красных флагов нет',
    '{client}, {period}: {hours} hours, revenue {revenue}': '{client}, {period}: часов {hours}, выручка {revenue}',
    'Record the hours spent on a client and the revenue from it in one period.':
        'Записать часы, потраченные на клиента, и выручку от него за один период.',
    'Client': 'Клиент',
    'Trend': 'Тенденция',
    'Last screened': 'Последняя проверка',
    'Next due': 'Следующая',
    'Hours': 'Часы',
    'Revenue': 'Выручка',
    '80/20: {n} client of {total} takes {hours} of the hours and brings {revenue} of the revenue.': (
        '80/20: {n} клиент из {total} забирает {hours} часов и приносит {revenue} выручки.',
        '80/20: {n} клиента из {total} забирают {hours} часов и приносят {revenue} выручки.',
        '80/20: {n} клиентов из {total} забирают {hours} часов и приносят {revenue} выручки.',
    ),
    '--period {period!r} is not a month such as 2026-11': '--period {period!r} — не месяц вида 2026-11',
    'worse': 'хуже',
    'better': 'лучше',
    'steady': 'без изменений',
    'No client is due for a review.': 'Пересматривать сейчас некого.',
    'The ledger has no clients yet.': 'В журнале пока нет клиентов.',
    'due': 'пора',
    'Only the clients due for a review now.': 'Только клиенты, которых пора пересмотреть.',
    'Days between reviews (default: $CLIENTSCREEN_REVIEW_INTERVAL, else 90).':
        'Дней между пересмотрами (по умолчанию: $CLIENTSCREEN_REVIEW_INTERVAL, иначе 90).',
    'The client, as in the ledger.': 'Клиент, как в журнале.',
    'Hours spent in the period.': 'Часы, потраченные за период.',
    'Revenue from the client in the period.': 'Выручка от клиента за период.',
    'The period (default: this month); recording one again replaces it.':
        'Период (по умолчанию: текущий месяц); повторная запись заменяет его.',
    'CLIENTSCREEN_REVIEW_INTERVAL={value!r} is not a number of days':
        'CLIENTSCREEN_REVIEW_INTERVAL={value!r} — не число дней',
}
