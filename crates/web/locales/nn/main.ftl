# Velferd – norsk nynorsk. Enkle ord, korte setningar. Nøklane er felles for alle språk.

## Felles
skip-to-content = Gå til innhaldet
language-nav = Språk
sign-out = Logg ut
demo-banner = Demoversjon: alle personar og saker her er oppdikta.
footer-text = Velferd – søknad om økonomisk sosialhjelp. Spør kontoret ditt om du treng hjelp.
title-error-prefix = Feil:
button-next = Neste
button-back = Tilbake
button-send = Send søknaden
answer-ja = Ja
answer-nei = Nei
answer-none = Ikkje oppgitt
date-hint = Skriv datoen slik: 31.12.2015
draft-expiry = Svara dine blir lagra undervegs. Søknaden blir sletta { $date } om du ikkje sender han.
office-phone = Telefon
office-address = Besøksadresse

## Framsida
home-title = Søk om økonomisk sosialhjelp
home-intro = Økonomisk sosialhjelp er pengar til mat, bustad og andre nødvendige utgifter når du ikkje klarer å forsørgje deg sjølv.
home-emergency-heading = Treng du hjelp i dag?
home-emergency-text = Har du ikkje mat i dag eller ikkje ein stad å sove i natt, ring kontoret ditt med ein gong. Du kan også søkje her, og då ser kontoret søknaden din først.
home-before-heading = Før du byrjar
home-before-time = Det tek omtrent 15 minutt.
home-before-save = Svara blir lagra undervegs. Du kan ta pause og halde fram seinare, også på ein annan telefon eller PC.
home-before-documents = Du sender dokument (til dømes kontoutskrift og husleigekontrakt) etterpå.
home-start = Start søknaden
home-other-heading = Kan du ikkje søkje digitalt?
home-other-text = Du kan søkje på papir, på telefon eller ved å møte opp på kontoret. Alle søknader blir behandla likt.

## Innlogging
signin-title = Logg inn
signin-demo-explain = Dette er ein demo. Vel ein oppdikta person å logge inn som. Ekte innlogging med ID-porten kjem seinare.
signin-demo-people = Oppdikta personar
signin-as = Logg inn som { $name }
signin-person-details = Fødd { $born }, bur i { $kommune }
signin-not-configured = Innlogging er ikkje sett opp på denne serveren enno. Kontakt kontoret ditt for å søkje.

## Start
start-title = Søknad om økonomisk sosialhjelp
start-hello = Du er logga inn som { $name }.
start-resume-heading = Du har ein søknad som du ikkje har sendt
start-resume-text = Søknad til { $kommune }, sist lagra { $saved }.
start-resume-button = Hald fram der du slapp
start-new-heading = Eller start ein ny søknad
start-kommune-label = Kva kommune bur du i no?
start-kommune-hint = Søknaden går til kontoret i kommunen der du bur no, også om du er folkeregistrert ein annan stad.
start-kommune-choose = Vel kommune
start-button = Start søknaden

## Kommune som ikkje tek imot digitale søknader
closed-title = Du kan ikkje søkje digitalt her
closed-title-kommune = { $kommune } tek ikkje imot digitale søknader no
closed-paused = Digital søknad er sett på pause i denne kommunen. Du kan framleis få hjelp: ring eller møt opp på kontoret.
closed-not-digital = Denne kommunen tek ikkje imot søknader om økonomisk sosialhjelp her. Ring eller møt opp på kontoret for å søkje.
closed-other-ways = Du kan søkje på papir, på telefon eller ved å møte opp. Har du ikkje mat eller ein stad å sove i dag, ring med ein gong.
closed-choose-other = Bur du i ein annan kommune? Vel kommune på nytt

## Steg
step-progress = Steg { $current } av { $total }
step-nodhjelp-title = Treng du hjelp i dag?
step-nodhjelp-intro = Svar ja om du ikkje har mat i dag eller ikkje har ein stad å sove i natt.
step-behov-title = Kva søkjer du om?
step-personalia-title = Om deg
step-personalia-intro = Namnet og adressa di hentar vi frå folkeregisteret.
step-bolig-title = Kvar bur du?
step-arbeid-title = Jobb og utdanning
step-familie-title = Familie
step-inntekt-title = Inntekt og pengar du har
step-inntekt-intro = Skriv beløp per månad. La feltet stå tomt om det ikkje gjeld deg.
step-utgifter-title = Utgifter
step-utgifter-intro = Skriv beløp per månad. La feltet stå tomt om det ikkje gjeld deg.
step-konto-title = Kontonummer
step-konto-intro = Om du får støtte, betaler vi til denne kontoen.
step-oppsummering-title = Sjå over og send

nodhjelp-question = Manglar du mat eller ein stad å sove i dag?
nodhjelp-nei = Nei
nodhjelp-mat = Ja, eg har ikkje mat i dag
nodhjelp-bolig = Ja, eg har ikkje ein stad å sove i natt
nodhjelp-begge = Ja, eg manglar både mat og ein stad å sove
emergency-banner-heading = Ring kontoret no
emergency-banner-text = Du har sagt at du treng hjelp i dag. Ring { $office } på { $phone } no. Du kan gjere ferdig søknaden etterpå.

kategorier-question = Kva treng du pengar til?
kategorier-question-hint = Vel alt som passar.
kategori-livsopphold = Mat, klede og andre faste utgifter (livsopphald)
kategori-husleie = Husleige
kategori-strom = Straum
kategori-mat = Mat
kategori-klaer = Klede
kategori-tannlege = Tannlege
kategori-medisiner = Medisinar
kategori-annet = Noko anna
hva_annet-label = Kva anna søkjer du om?
hvorfor-label = Kvifor søkjer du?
hvorfor-label-hint = Fortel kort om situasjonen din. Du kan skrive med eigne ord.

register-name = Namn
register-fnr = Fødselsnummer
register-address = Adresse i folkeregisteret
telefon-label = Telefonnummer (valfritt)
telefon-label-hint = Så kontoret kan ringje deg. Vi sender aldri personlege opplysningar på SMS.
bor_folkeregistrert-question = Bur du på adressa di i folkeregisteret?
oppholdsadresse-label = Kvar bur du no?
oppholdsadresse-label-hint = Adresse, eller ei skildring som «hos ein ven i Bergen».
nordisk_borger-question = Er du statsborgar i eit nordisk land?

botype-question = Korleis bur du?
botype-leier = Eg leiger
botype-kommunal = Eg leiger kommunal bustad
botype-eier = Eg eig bustaden
botype-foreldre = Eg bur hos foreldra mine
botype-familie = Eg bur hos annan familie
botype-venner = Eg bur hos vener
botype-ingen = Eg har ikkje ein stad å bu
botype-krisesenter = Eg bur på krisesenter
botype-institusjon = Eg bur på institusjon
botype-fengsel = Eg er i fengsel
botype-annet = Anna
antall_personer-label = Kor mange personar bur i bustaden, deg sjølv medrekna?

i_jobb-question = Har du jobb no?
arbeidsgiver-label = Kvar jobbar du?
stillingsprosent-label = Stillingsprosent
stillingsprosent-label-hint = Kor mykje jobbar du, i prosent av full stilling (100)?
student-question = Går du på skule eller studerer du?
studentgrad-question = Studerer du på heiltid eller deltid?
studentgrad-heltid = Heiltid
studentgrad-deltid = Deltid

sivilstatus-question = Kva er sivilstatusen din?
sivilstatus-ugift = Ugift
sivilstatus-gift = Gift eller registrert partnar
sivilstatus-samboer = Sambuar
sivilstatus-separert = Separert
sivilstatus-skilt = Skild
sivilstatus-enke = Enkje eller enkjemann
partner-legend = Ektefelle eller sambuar
partner_fornavn-label = Førenamn
partner_etternavn-label = Etternamn
partner_fnr-label = Fødselsnummer (valfritt)
partner_fnr-label-hint = 11 siffer. Om du ikkje veit det, la feltet stå tomt.
partner_bor_sammen-question = Bur de saman?
partner-name-label = Namn på ektefelle eller sambuar
har_barn-question = Har du barn under 18 år som du forsørgjer?
barn-legend = Barn { $number }
barn-heading = Barn { $number }
barn-fornavn-label = Førenamn
barn-etternavn-label = Etternamn
barn-fodselsdato-label = Fødselsdato
barn-bor_sammen-question = Bur barnet hos deg?
barn-delt_bosted-question = Har de avtale om delt bustad?
barn-delt_bosted-hint = Delt bustad betyr at barnet bur like mykje hos begge foreldra.
barn-samvaer-label = Kor mykje av tida er barnet hos deg, i prosent?
barn-samvaer-hint = Skriv 0 om barnet ikkje er hos deg.
barn-add = Legg til eitt barn til
barn-remove = Fjern det siste barnet
barnebidrag-question = Betaler eller får du barnebidrag?
barnebidrag-ingen = Nei
barnebidrag-mottar = Eg får barnebidrag
barnebidrag-betaler = Eg betaler barnebidrag
barnebidrag-begge = Begge delar

inntekt-legend = Inntekt per månad
inntekt-heading = Inntekt og pengar du har
formue-legend = Pengar du har no
lonn-label = Løn etter skatt
trygd-label = Pengar frå NAV (til dømes dagpengar, AAP eller uføretrygd)
bostotte-label = Bustøtte frå Husbanken
studielan-label = Studielån og stipend
barnebidrag_mottatt-label = Barnebidrag du får
annen_inntekt-label = Anna inntekt
brukskonto-label = På brukskontoen
sparekonto-label = På sparekontoen
annen_formue-label = Andre pengar eller verdiar (til dømes bil eller aksjar)

utgifter-legend = Utgifter per månad
utgifter-heading = Utgifter
husleie-label = Husleige
strom-label = Straum
kommunale_avgifter-label = Kommunale avgifter
boliglan-label = Bustadlån (renter og avdrag)
barnehage-label = Barnehage
sfo-label = SFO eller AKS
annen_utgift-label = Andre faste utgifter

kontonummer-label = Kontonummeret ditt
kontonummer-label-hint = 11 siffer, til dømes 1234 56 78903.
har_ikke_konto-label = Eg har ikkje bankkonto

## Oppsummering
summary-intro = Sjå over svara dine før du sender. Du kan endre alt.
summary-edit = Endre { $step }
summary-problems-heading = Nokre svar manglar eller må rettast før du kan sende
summary-documents-heading = Dokument kontoret treng
summary-documents-text = Ut frå svara dine treng kontoret desse dokumenta. Du sender dei etter at du har sendt søknaden.
summary-goes-to = Søknaden går til { $office }.
bekreft-label = Eg stadfestar at opplysningane er riktige, og at kontoret kan kontakte meg om søknaden.

## Kvittering
receipt-title = Du har sendt søknaden
receipt-sent-to = { $office } fekk søknaden din { $sent }.
receipt-reference = Referanse
receipt-sent = Sendt
receipt-emergency-heading = Ring kontoret no
receipt-emergency-text = Du har sagt at du treng hjelp i dag. Ring { $office } med ein gong, så får du svar i dag.
receipt-next-heading = Dette skjer no
receipt-next-documents = Send dokumenta kontoret treng så snart du kan.
receipt-next-processing = Kontoret behandlar søknaden. Det tek vanlegvis opptil { $days } dagar.
receipt-next-decision = Du får eit vedtak som seier om du får støtte, kor mykje og når pengane kjem.
receipt-documents-heading = Dokument du må sende
receipt-follow = Følg søknaden under «Mine søknader»
receipt-pdf = Last ned søknaden som PDF
pdf-title = Søknad om økonomisk sosialhjelp
pdf-applicant = Søkjar
pdf-office = Sendt til
pdf-page-label = Side { $page } av { $pages }

## Dokument (vedlegg)
doc-kontooversikt = Kontoutskrift for brukskontoen, siste månad
doc-husleiekontrakt = Husleigekontrakt
doc-faktura-husleie = Kvittering eller faktura for husleige
doc-faktura-strom = Straumrekning
doc-faktura-kommunaleavgifter = Faktura for kommunale avgifter
doc-nedbetalingsplan = Nedbetalingsplan for bustadlån
doc-faktura-barnehage = Faktura for barnehage
doc-faktura-sfo = Faktura for SFO eller AKS
doc-lonnslipp = Lønsslipp, siste månad
doc-student = Vedtak om studielån og stipend
doc-bostotte = Vedtak om bustøtte
doc-barnebidrag-betaler = Dokumentasjon på barnebidrag du betaler
doc-barnebidrag-mottar = Dokumentasjon på barnebidrag du får
doc-samvarsavtale = Avtale om samvær eller delt bustad
doc-skattemelding = Skattemelding eller skatteoppgjer

## Feilmeldingar ved felta
error-summary-heading = Rett opp dette før du går vidare
error-required = Dette må du svare på.
error-choose = Vel eitt av svara.
error-choose-one-or-more = Vel minst eitt av svara.
error-choice-unknown = Svaret er ikkje eitt av vala. Vel på nytt.
error-text-too-long = Teksten er for lang. Skriv det viktigaste, kortare.
error-text-unreadable = Teksten har teikn vi ikkje kan lese. Skriv teksten på nytt.
error-number-format = Skriv eit tal, til dømes 2.
error-number-range = Talet er utanfor det som er mogleg her.
error-date-format = Skriv ein gyldig dato slik: 31.12.2015
error-belop-negative = Beløpet kan ikkje vere negativt.
error-belop-format = Skriv beløpet med tal, til dømes 4500.
error-belop-too-large = Beløpet er for stort. Sjekk at det er rett.
error-telefon-format = Skriv eit telefonnummer med 8 siffer, eller med landskode (+46 …).
error-konto-missing = Skriv kontonummeret ditt, eller kryss av for at du ikkje har bankkonto.
error-konto-digits = Kontonummeret kan berre ha tal (mellomrom og punktum er lov).
error-konto-length = Kontonummeret må ha 11 siffer.
error-konto-checksum = Kontonummeret finst ikkje. Sjekk at du har skrive alle sifra rett.
error-fnr-digits = Fødselsnummeret kan berre ha tal.
error-fnr-length = Fødselsnummeret må ha 11 siffer.
error-fnr-checksum = Fødselsnummeret er ikkje gyldig. Sjekk sifra.
error-kommune-unknown = Vel kommunen du bur i frå lista.
error-confirm = Du må stadfeste at opplysningane er riktige før du sender.

## Feilsider
error-page-not-found = Vi finn ikkje sida
error-page-bad-token = Skjemaet var for gammalt
error-page-too-large = Det du prøvde å sende, var for stort
error-page-internal = Noko gjekk gale hos oss
error-page-help = Svara du alt har lagra, er ikkje borte. Søknader du ikkje har sendt, blir sletta etter 14 dagar. Gå tilbake og prøv igjen.
error-page-back = Gå til søknaden din

## Mine søknader
nav-my-applications = Mine søknader
cases-title = Mine søknader
cases-none = Du har ikkje sendt nokon søknader enno.
cases-new = Start ein ny søknad
cases-item-title = Søknad sendt { $date }
cases-item-tasks = Kontoret ventar på dokument frå deg ({ $count })
case-title = Søknaden din
case-back = Tilbake til mine søknader
case-sent = Sendt { $date }. Referanse: { $reference }
case-stages = Kor langt søknaden har kome
case-status-received = Motteken
case-status-processing = Under behandling
case-status-decided = Ferdig behandla
case-status-not-processed = Blir ikkje behandla
case-status-received-text = Kontoret har fått søknaden din. Du får vanlegvis svar innan { $date }.
case-status-processing-text = Ein saksbehandlar arbeider med søknaden din. Du får vanlegvis svar innan { $date }.
case-status-decided-text = Kontoret har gjort eit vedtak. Sjå kva det betyr for deg nedanfor.
case-status-not-processed-text = Kontoret behandlar ikkje denne søknaden. Ring kontoret om du lurer på kvifor.
case-preliminary = Kontoret har sendt deg eit førebels svar: det tek lengre tid enn vanleg å behandle søknaden.
case-tasks-heading = Dette må du gjere
case-tasks-text = Kontoret treng desse dokumenta for å behandle søknaden din.
case-task-deadline = send innan { $date }
case-decisions-heading = Vedtak
case-decision-pending = ikkje avgjort enno
case-decision-granted = innvilga { $date }
case-decision-partly = delvis innvilga { $date }
case-decision-refused = avslått { $date }
case-decision-rejected = avvist { $date }
case-decision-made = vedtak gjort { $date }
case-payments-heading = Utbetalingar
case-payment-paid = utbetalt { $date }
case-payment-planned = kjem { $date }
case-payment-stopped = stoppa
case-conditions-heading = Vilkår du må følgje
case-timeline-heading = Dette har skjedd
case-looked-heading = Kven har sett søknaden din
case-looked-none = Ingen saksbehandlarar eller system har opna søknaden enno.
audit-read-application = henta søknaden
audit-acknowledge = stadfesta at søknaden er motteken
audit-update-status = oppdaterte status
case-pdf = Sjå søknaden du sende (PDF)
event-received = Søknaden vart motteken.
event-processing = Kontoret byrja å behandle søknaden.
event-done = Søknaden er ferdig behandla.
event-not-processed = Kontoret behandlar ikkje søknaden.
event-office = Søknaden vart send til { $office }.
event-decision-granted = Vedtak: søknaden er innvilga.
event-decision-partly = Vedtak: søknaden er delvis innvilga.
event-decision-refused = Vedtak: søknaden er avslått.
event-decision-rejected = Vedtak: søknaden er avvist.
event-decision = Kontoret gjorde eit vedtak.
event-documents-requested = Kontoret bad om { $count } dokument.
event-preliminary = Kontoret sende eit førebels svar.
event-paid = { $amount } vart utbetalt.
event-payment-planned = Utbetaling av { $amount } vart planlagd.
event-payment-stopped = Utbetaling av { $amount } vart stoppa.

## Ettersending av dokument
upload-title = Send dokument
upload-intro = Dokumenta blir sende til søknaden din med referanse { $reference }. Du treng ikkje sende ein ny søknad.
upload-how = Ta bilete av kvar side, eller vel PDF-filer. Sider av same dokument blir til éin PDF, i den rekkjefølgja du vel dei.
upload-field-hint = Vel eitt eller fleire bilete eller PDF-ar (høgst 10 MB kvar).
upload-other = Andre dokument
upload-button = Send dokumenta
upload-choose-again = Av tryggleiksomsyn må du velje filene på nytt.
upload-error-none = Du har ikkje valt nokon filer.
upload-error-too-many = Det er for mange eller for store filer. Send høgst 30 filer og 150 MB om gongen.
upload-error-interrupted = Sendinga vart avbroten. Ingenting er lagra. Prøv igjen.
upload-error-empty = { $file } er tom.
upload-error-too-large = { $file } er større enn 10 MB. Ta biletet på nytt med lågare oppløysing, eller del PDF-en.
upload-error-not-an-image = { $file } er ikkje eit bilete eller ein PDF vi kan lese.
upload-error-heic = { $file } er eit HEIC-bilete. Send det som JPEG (på iPhone: Innstillingar → Kamera → Format → Mest kompatibel).
upload-error-unsupported-type = { $file } har eit filformat vi ikkje tek imot. Send JPEG, PNG eller PDF.
upload-error-too-many-pixels = { $file } er eit altfor stort bilete. Ta biletet på nytt med vanleg kamera.
upload-error-broken-image = { $file } er øydelagd eller berre delvis lasta opp. Prøv igjen.
upload-error-encrypted-pdf = { $file } er låst med passord. Send ein versjon utan passord.
upload-error-broken-pdf = { $file } er ein øydelagd PDF. Prøv å lagre han på nytt.
upload-error-pdf-javascript = { $file } inneheld programkode vi ikkje tek imot. Skriv ut til PDF og send han.
upload-error-pdf-embedded-files = { $file } inneheld andre filer. Send kvar fil for seg.
upload-error-pdf-forms-or-annotations = { $file } har utfylte skjemafelt eller kommentarar. Bruk «Skriv ut → Lagre som PDF» og send han.
upload-error-unreadable = { $file } kunne ikkje lesast. Prøv igjen, eller send eit bilete.
case-send-documents = Send dokument
case-documents-heading = Dokument du har sendt
case-documents-none = Du har ikkje sendt dokument enno.
case-document-sent = sendt { $date }
case-back-to-case = Tilbake til søknaden
