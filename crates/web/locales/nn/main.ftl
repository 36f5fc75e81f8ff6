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
step-saved-after-sign-in = Du var blitt logga ut då du lagra denne sida. Svara du hadde skrive, er lagra no.
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
signin-demo-explain = Berre for utprøving: vel ein oppdikta person å logge inn som. Alle personar og saker her er oppdikta.
signin-demo-people = Oppdikta personar
signin-as = Logg inn som { $name }
signin-person-details = Fødd { $born }, bur i { $kommune }
signin-not-configured = Innlogging er ikkje sett opp på denne serveren enno. Kontakt kontoret ditt for å søkje.
signin-demo-heading = Demoinnlogging
signin-idporten-heading = Logg inn med ID-porten
signin-idporten-text = Du loggar inn med BankID, MinID, Buypass eller Commfides. Vi brukar innlogginga berre til å vite kven du er.
signin-idporten-text-high = Du loggar inn med BankID, Buypass eller Commfides. Vi brukar innlogginga berre til å vite kven du er.
signin-idporten-button = Logg inn med ID-porten
signin-try-again = Logg inn på nytt
signin-failed-home = Til framsida
signin-failed-cancelled-title = Du avbraut innlogginga
signin-failed-cancelled-text = Ingenting er lagra eller sendt. Logg inn på nytt når du er klar.
signin-failed-level-title = Innlogginga var ikkje sikker nok
signin-failed-level-text = Du logga inn på eit lågare tryggleiksnivå enn ein søknad om sosialhjelp krev. Logg inn på nytt med BankID, MinID med kode, Buypass eller Commfides.
signin-failed-level-text-high = Du logga inn på eit lågare tryggleiksnivå enn ein søknad om sosialhjelp krev her. Logg inn på nytt med BankID, Buypass eller Commfides.
signin-failed-identity-title = Vi fekk ikkje vite kven du er
signin-failed-identity-text = Innlogginga gav oss ikkje eit gyldig fødselsnummer eller d-nummer, så vi kan ikkje vise søknader. Prøv å logge inn på nytt.
signin-failed-interrupted-title = Innlogginga vart ikkje fullført
signin-failed-interrupted-text = Det skjer når innlogginga tek for lang tid, når ho er open i to faner, eller når du går tilbake i nettlesaren undervegs. Du er ikkje logga inn. Start innlogginga på nytt.
signin-failed-unavailable-title = Innlogginga svarar ikkje akkurat no
signin-failed-unavailable-text = Vi får ikkje kontakt med innloggingstenesta. Prøv igjen om nokre minutt.
signin-failed-help-office = Får du det ikkje til, kontakt NAV-kontoret ditt. Du kan òg søkje på papir, på telefon eller ved å møte opp.

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
# In the summary and PDFs (the form's label says the question is optional).
summary-telefon = Telefonnummer
summary-amounts = Beløp
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
summary-documents-text = Ut frå svara dine treng kontoret desse dokumenta. Du kan leggje dei ved no, eller sende dei etter at du har sendt søknaden.
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
receipt-next-processing = Kontoret behandlar søknaden. Det tek vanlegvis opptil { $days ->
        [one] { $days } dag
       *[other] { $days } dagar
    }.
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
error-text-too-long = Teksten er for lang. Skriv høgst { $max } teikn – det viktigaste, kortare.
error-text-unreadable = Teksten har teikn vi ikkje kan lese. Skriv teksten på nytt.
error-text-direction = Teksten har skjulte teikn som endrar skriveretninga, ofte frå kopiering. Skriv teksten inn sjølv i staden for å lime han inn.
error-number-format = Skriv eit tal, til dømes 2.
error-number-range = Skriv eit tal mellom { $min } og { $max }.
error-date-format = Skriv ein gyldig dato slik: 31.12.2015
error-belop-negative = Beløpet kan ikkje vere negativt. Skriv eit beløp mellom 0 og { $max }.
error-belop-format = Skriv beløpet med tal, til dømes 4500, 4 500 eller 4.500.
error-belop-too-large = Beløpet må vere mellom 0 og { $max }. Sjekk at det er rett.
error-telefon-format = Skriv eit telefonnummer med 8 siffer, eller med landskode (+46 …).
error-konto-missing = Skriv kontonummeret ditt, eller kryss av for at du ikkje har bankkonto.
error-konto-digits = Kontonummeret kan berre ha tal (mellomrom og punktum er lov).
error-konto-length = Kontonummeret må ha 11 siffer.
error-konto-checksum = Kontonummeret finst ikkje. Sjekk at du har skrive alle sifra rett.
error-fnr-digits = Fødselsnummeret kan berre ha tal.
error-fnr-length = Fødselsnummeret må ha 11 siffer.
error-fnr-checksum = Fødselsnummeret er ikkje gyldig. Sjekk sifra.
error-fnr-date = Fødselsnummeret byrjar ikkje med ein gyldig dato. Sjekk sifra.
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
case-sent = Sendt { $date }.
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
event-office-unknown = eit anna NAV-kontor ({ $office })
event-decision-granted = Vedtak: søknaden er innvilga.
event-decision-partly = Vedtak: søknaden er delvis innvilga.
event-decision-refused = Vedtak: søknaden er avslått.
event-decision-rejected = Vedtak: søknaden er avvist.
event-decision = Kontoret gjorde eit vedtak.
event-documents-requested = { $count ->
    [one] Kontoret bad om eitt dokument.
   *[other] Kontoret bad om { $count } dokument.
}
event-preliminary = Kontoret sende eit førebels svar.
event-paid = { $amount } vart utbetalt.
event-payment-planned = Utbetaling av { $amount } vart planlagd.
event-payment-stopped = Utbetaling av { $amount } vart stoppa.

## Ettersending av dokument
upload-title = Send dokument
upload-intro = Dokumenta blir sende til søknaden din med referanse { $reference }. Du treng ikkje sende ein ny søknad.
upload-how = Ta bilete av kvar side, eller vel PDF-filer. Sider av same dokument blir til éin PDF, i den rekkjefølgja du vel dei.
upload-field-hint = Vel eitt eller fleire bilete eller PDF-ar (høgst { $mb } MB kvar).
upload-other = Andre dokument
upload-button = Send dokumenta
upload-error-none = Du har ikkje valt nokon filer.
upload-error-too-many = Det er for mange eller for store filer. Send høgst { $files ->
        [one] { $files } fil
       *[other] { $files } filer
    } og { $total_mb } MB om gongen.
upload-error-interrupted = Sendinga vart avbroten. Ingenting er lagra. Prøv igjen.
upload-error-empty = { $file } er tom.
upload-error-too-large = { $file } er større enn { $mb } MB. Ta biletet på nytt med lågare oppløysing, eller del PDF-en.
upload-error-not-an-image = { $file } er ikkje eit bilete eller ein PDF vi kan lese.
upload-error-heic = { $file } er eit HEIC-bilete, som vi ikkje kan lese enno. Send det som JPEG: på iPhone vel du Innstillingar → Kamera → Format → Mest kompatibel og tek biletet på nytt, eller sender ein kopi lagra som JPEG.
upload-error-unsupported-type = { $file } har eit filformat vi ikkje tek imot. Send JPEG, PNG eller PDF.
upload-error-too-many-pixels = { $file } er eit altfor stort bilete. Ta biletet på nytt med vanleg kamera.
upload-error-broken-image = { $file } er øydelagd eller berre delvis lasta opp. Prøv igjen.
upload-error-encrypted-pdf = { $file } må ha passord for å opnast. Opne han, vel «Skriv ut → Lagre som PDF», og send den nye fila. Eller last han ned på nytt utan passord.
upload-error-broken-pdf = { $file } er ein øydelagd PDF. Prøv å lagre han på nytt.
upload-error-unreadable = { $file } kunne ikkje lesast. Prøv igjen, eller send eit bilete.
case-send-documents = Send dokument
case-documents-heading = Dokument du har sendt
case-documents-none = Du har ikkje sendt dokument enno.
case-document-sent = sendt { $date }
case-back-to-case = Tilbake til søknaden
case-decision-letter = Les vedtaket (PDF)
case-letters-heading = Brev frå kontoret
case-letter-sent = Sendt { $date }
case-letter-opened = Du opna det { $date }
case-letter-unopened = Du har ikkje opna det enno
upload-all-documents = Send andre dokument òg
audit-read-application-pdf = henta søknaden som PDF
audit-read-submissions = henta dokumenta du har sendt
audit-read-file = opna eit dokument
audit-read-letter = opna eit brev frå kontoret
audit-file-letter = la eit brev til deg i saka
error-page-unavailable = Vi får ikkje lagra akkurat no. Ingenting er sendt, og det du har skrive er teke vare på. Prøv igjen om eit par minutt. Hastar det, ring kontoret.
error-page-too-many = For mange forsøk på kort tid – vent litt
attach-title = Legg ved dokument
attach-back = Tilbake til oppsummeringa
attach-intro = Ta bilete av dokumenta eller vel filer. Du ser kvar side før du sender. Har du ikkje dokumentet no, kan du sende det seinare.
attach-other-why = Andre dokument du vil at kontoret skal sjå.
attach-pages-of = Sider i { $document }
attach-page-alt = Side { $number } av { $document }
attach-page-number = Side { $number }
attach-pdf-pages = { $count ->
    [one] 1 side
   *[other] { $count } sider
}
attach-turn = Roter
attach-earlier = Flytt fram
attach-later = Flytt bak
attach-remove = Fjern
attach-camera = Ta bilete med kameraet
attach-files = Eller vel bilete eller PDF-ar
attach-add = Legg ved { $document }
attach-choice-legend = Har du ikkje dokumentet no?
attach-choice-later = Eg sender det seinare eller på papir
attach-choice-before = Kontoret har det allereie
attach-choice-save = Lagre valet
attach-done = Ferdig med dokumenta
attach-error-duplicate = { $file } er allereie lagt ved under { $document }.
attach-error-full = { $file } vart ikkje lagt ved: du kan leggje ved høgst { $files ->
        [one] { $files } fil
       *[other] { $files } filer
    } og { $total_mb } MB til saman. Send resten etter at du har sendt søknaden.
summary-documents-link = Legg ved eller endre dokument
summary-document-uploaded = lagt ved
summary-document-before = kontoret har det allereie
summary-document-later = blir sendt seinare
attach-error-convert = Vi klarte ikkje å lage éin PDF av sidene til dette dokumentet. Fjern sidene og legg dei ved på nytt.

## Tilsette
staff-title = Velferd for tilsette
staff-signed-in-as = Du er logga inn som { $name }.
staff-office = Kontor
staff-roles = Roller
staff-role-saksbehandler = Sakshandsamar
staff-role-leder = Leiar
staff-role-kontaktsenter = Kontaktsenter
staff-refused-title = Du har ikkje tilgang til Velferd
staff-refused-role-text = Brukaren din har inga rolle i Velferd. Be den som gir tilgangar i kommunen om rolla sakshandsamar, leiar eller kontaktsenter, og logg inn på nytt.
staff-refused-office-text = Brukaren din er ikkje knytt til eit NAV-kontor som Velferd kjenner. Be den som gir tilgangar i kommunen om å registrere kontoret ditt, og logg inn på nytt.
staff-signin-not-configured = Innlogging for tilsette er ikkje sett opp på denne serveren.
staff-signed-out-title = Du er logga ut
staff-signed-out-text = Du er logga ut av Velferd. Brukar du ei delt datamaskin, lukk nettlesaren.
staff-sign-in-again = Logg inn igjen

# Caseworker pages and protected persons
staff-role-fortrolig = Tilgang til personar med fortruleg adresse
staff-cases-link = Søknader til kontoret
staff-no-case-access = Rolla di gir ikkje tilgang til sakene. Kontaktsenteret får ei eiga oversikt seinare.
staff-back-home = Tilbake til framsida for tilsette
staff-cases-title = Søknader til kontoret
staff-cases-office = Søknader sende til { $office }. Søknader om naudhjelp står først, deretter dei nyaste.
staff-cases-none = Kontoret har ikkje fått nokon søknader enno.
staff-cases-caption = Søknader, naudhjelp først
staff-cases-received = Motteken
staff-cases-status = Status
staff-emergency = Naudhjelp
staff-protected-6 = Strengt fortruleg adresse (kode 6)
staff-protected-7 = Fortruleg adresse (kode 7)
staff-case-title = Søknad { $reference }
staff-case-heading = Søknad
staff-footer-text = Velferd for tilsette. Alt du ser og gjer her, blir logga. Spørsmål om tilgang: spør leiaren ved kontoret.
staff-case-back = Tilbake til søknadene
staff-case-received = Motteken { $date }.
staff-case-applied-in = Søknaden er skriven på { $language }; brev går på det språket om du ikkje vel eit anna.
staff-case-emergency-text = søkjaren har ikkje mat eller ein stad å sove i dag. Ta kontakt i dag.
staff-case-protected-text = adressa blir ikkje vist og ikkje skriven ut. Ikkje gi opplysningar om kvar personen bur.
staff-case-applicant = Søkjar
staff-case-answers = Svara i søknaden
staff-case-pdf = Søknaden som PDF
staff-case-documents-none = Søkjaren har ikkje sendt dokument enno.
staff-case-documents = Dokument søkjaren har sendt
staff-case-letter-opened = Søkjaren opna det { $date }
staff-case-letter-unopened = Søkjaren har ikkje opna det enno
staff-event-documents-sent = { $count ->
    [one] Søkjaren sende eitt dokument.
   *[other] Søkjaren sende { $count } dokument.
}
staff-inbox-none = Ingen søknader passar til dette utvalet.
staff-demo-title = Demoinnlogging for tilsette
staff-demo-explain = Berre for utprøving: vel ein oppdikta tilsett å logge inn som. Alle personar og saker her er oppdikta.
staff-demo-people = Oppdikta tilsette
staff-demo-details = { $office } · { $roles }
signin-demo-staff = Vil du sjå korleis sakshandsamarane arbeider? Logg inn som tilsett
error-page-forbidden = Du har ikkje tilgang til denne sida
error-page-staff-help = Gå tilbake og prøv igjen. Meiner du at du skal ha tilgang, spør den som gir tilgangar i kommunen.
error-page-staff-back = Til framsida for tilsette

helper-acting-for = Du ser denne søknaden fordi { $name } har gitt deg fullmakt. Du ser berre det fullmakta gjeld.
helper-heading = Nokon som hjelper deg
helper-text = Du kan gi ein du stolar på (familie, verje, ein som hjelper deg) lov til å følgje denne søknaden. Personen ser status, kva kontoret ber om, vedtak og utbetalingar – ikkje svara dine, dokumenta eller breva dine. Du kan trekkje fullmakta tilbake når som helst.
helper-revoke = Trekk tilbake
helper-add = Gi nokon fullmakt
helper-name = Namnet til personen
helper-fnr = Fødselsnummeret til personen
helper-fnr-hint = 11 siffer. Personen loggar inn som seg sjølv og finn søknaden under «Mine søknader».
helper-period = Kor lenge skal fullmakta gjelde?
helper-months-1 = 1 månad
helper-months-3 = 3 månader
helper-months-6 = 6 månader
helper-months-12 = 12 månader
helper-may-send = Personen kan òg sende dokument til søknaden for meg
helper-give = Gi fullmakt
helper-scope-follow = Kan følgje søknaden
helper-scope-documents = Kan følgje søknaden og sende dokument
helper-until = Gjeld til { $date }
helper-expired = Gjekk ut { $date }
helper-revoked = Trekt tilbake { $date }
helper-error-self = Du kan ikkje gi fullmakt til deg sjølv.
helper-error-fnr = Fødselsnummeret er ikkje rett. Sjekk at du har skrive alle 11 siffera.
helping-heading = Søknader du hjelper med
helping-text = Desse personane har gitt deg fullmakt til å følgje søknaden sin.
helping-item-title = Søknaden til { $name }, sendt { $date }
audit-helper-view = såg på saka di (fullmakt)
audit-helper-send-documents = sende dokument for deg (fullmakt)
attach-file-alt = Fil { $number } av { $document } (PDF, { $count ->
    [one] éi side
   *[other] { $count } sider
})
error-page-not-in-register = Vi finn deg ikkje i folkeregisteret, så søknaden kan ikkje sendast herfrå. Svara dine er lagra. Ring NAV-kontoret ditt, så hjelper dei deg.

## The office's work on a case (caseworker workspace)
staff-role-veileder = Rettleiar
staff-role-beslutter = Avgjerdstakar
office-refused-case-system = Kommunen sitt eige fagsystem har denne saka. Gjer endringane der, så blir dei viste her.
office-refused-closed = Saka er avslutta. Du kan skrive interne notat, men ikkje endre saka.
office-refused-already-processing = Saka er alt under behandling.
office-refused-date = Skriv datoen som dd.mm.åååå, til dømes 07.12.2026.
office-refused-date-past = Datoen kan ikkje vere tilbake i tid. Vel i dag eller ein seinare dag.
office-refused-date-far = Datoen kan vere høgst 90 dagar fram i tid.
office-refused-too-long = Teksten er for lang. Han kan ha høgst 10 000 teikn for notat og 2 000 teikn for meldingar og grunngivingar.
office-refused-unreadable = Teksten har teikn som ikkje kan lesast. Skriv han inn på nytt.
office-refused-direction = Teksten har skjulte teikn som endrar skriveretninga (ofte frå kopiering). Skriv han inn på nytt i staden for å lime han inn.
office-refused-empty = Skriv noko her før du lagrar.
office-refused-assignee = Saka kan berre givast til ein saksbehandlar ved kontoret som har saka.
office-refused-document-type = Vel dokument frå lista, eller skriv dokumentet med eigne ord.
office-refused-no-documents = Vel minst eitt dokument, eller skriv kva dokument du treng.
office-refused-unknown-action = Vi skjønte ikkje kva du ville gjere. Prøv igjen.
event-documents-sent = { $count ->
    [one] Du sende eitt dokument.
   *[other] Du sende { $count } dokument.
}
case-answered-heading = Dette har du sendt
case-task-sent = sendt { $date }
case-task-promised = du sa at dette kjem seinare
letter-to = Til: { $name }
letter-from = Frå: { $office }
letter-date = Dato: { $date }
letter-reference = Søknad: { $reference }
letter-page = Side {"{"}page{"}"} av {"{"}pages{"}"}
letter-contact-heading = Spørsmål
letter-contact-text = Ring { $office } på { $phone } om du har spørsmål eller treng hjelp.
letter-signed = Med venleg helsing { $caseworker }, { $office }
letter-request-title = Vi treng fleire dokument
letter-request-summary = { $count ->
    [one] Send dette dokumentet innan { $date }:
   *[other] Send desse { $count } dokumenta innan { $date }:
}
letter-request-note = Melding frå saksbehandlaren
letter-request-what = Dette må du gjere
letter-request-how-heading = Slik sender du
letter-request-how = Logg inn og opne søknaden din under «Mine søknader». Trykk på dokumentet, ta bilete av det eller vel fila, og send. Du kan òg levere dokumenta på kontoret.
letter-request-late-heading = Om du ikkje rekk fristen
letter-request-late = Ring oss før { $date } om du treng meir tid eller ikkje har dokumentet. Kjem ikkje dokumenta, kan vi måtte avgjere søknaden med dei opplysningane vi har.
letter-preliminary-title = Førebels svar på søknaden din
letter-preliminary-heading = Det tek lengre tid enn vanleg
letter-preliminary-summary = Vi har ikkje rokke å behandle søknaden din enno. Du får svar innan { $date }.
letter-preliminary-reason = Kvifor det tek tid
letter-preliminary-law = Vi sender dette svaret fordi forvaltningslova § 11 a seier at du skal få eit førebels svar når ein søknad ikkje kan svarast på innan ein månad.
letter-not-processed-title = Søknaden din blir ikkje behandla
letter-not-processed-heading = Kva dette tyder for deg
letter-not-processed-summary = Vi kjem ikkje til å behandle denne søknaden.
letter-not-processed-reason = Grunngiving
letter-not-processed-next-heading = Kva du kan gjere
letter-not-processed-next = Du kan sende ein ny søknad når som helst. Er du usamd, kan du ringe oss eller klage. Har du ikkje mat eller ein stad å sove i dag, ring kontoret no.
staff-inbox-office = Søknader til { $office }. Søknader om naudhjelp står først, deretter dei som har venta lengst.
staff-inbox-filters = Vis søknader
staff-inbox-search = Søk
staff-inbox-search-hint = Referanse (VF-…), fødselsnummer eller namn
staff-inbox-search-button = Søk
staff-inbox-assignee = Saksbehandlar
staff-inbox-unassigned = Ingen enno
staff-inbox-waiting-for = Ventar på
staff-inbox-overdue = fristen er ute
staff-inbox-near-limit = Nær fristen på éin månad utan vedtak (forvaltningslova § 11 a): send førebels svar.
staff-inbox-pages = Sider
staff-inbox-previous = Førre side
staff-inbox-next = Neste side
staff-inbox-documents = { $count ->
    [one] eitt dokument
   *[other] { $count } dokument
}
staff-inbox-documents-deadline = { $documents }, frist { $date }
staff-inbox-showing = Viser: { $filter }, side { $page }.
staff-filter-open = Opne
staff-filter-new = Nye
staff-filter-mine = Mine
staff-filter-unassigned = Utan saksbehandlar
staff-filter-overdue = Dokumentfrist ute
staff-filter-near-limit = Nær fristen på éin månad
staff-filter-all = Alle, òg avslutta
staff-waited-days = { $days ->
    [0] i dag
    [one] 1 dag
   *[other] { $days } dagar
}
staff-case-waited = { $days ->
    [0] Kom inn i dag.
    [one] Har venta 1 dag.
   *[other] Har venta { $days } dagar.
}
staff-case-conflict = Nokon andre endra saka medan du hadde ho open. Sjå kva som er nytt nedanfor. Det du skreiv er teke vare på; send det igjen om det framleis passar.
staff-case-case-system = Kommunen sitt eige fagsystem har denne saka. Status, vedtak og brev kjem derifrå; her kan du lese saka, ta ho og skrive interne notat.
staff-case-assign-me = Ta saka
staff-case-unassign = Slepp saka
staff-case-take = Start behandlinga
staff-case-assign-colleague = Gi saka til ein kollega
staff-case-colleague = Kollega
staff-case-assign = Gi saka vidare
staff-case-actions = Handlingar
staff-case-request = Be om dokument
staff-case-request-documents = Dokument søkjaren skal sende
staff-case-request-other = Anna dokument (skriv med eigne ord)
staff-case-request-note = Melding til søkjaren (valfritt)
staff-case-request-note-hint = Står i brevet. Skriv enkelt; søkjaren ser det.
staff-case-request-deadline = Frist
staff-case-request-deadline-hint = Vanlegvis 7 dagar. Skriv dd.mm.åååå om du ikkje får velje dato.
staff-case-request-send = Send førespurnad og brev
staff-case-letter-language = Språk i brevet
staff-case-preliminary = Send førebels svar
staff-case-preliminary-date = Når får søkjaren svar?
staff-case-preliminary-reason = Kvifor tek det tid? (valfritt)
staff-case-preliminary-send = Send førebels svar
staff-case-sak = Opprett sak
staff-case-sak-title = Kva saka gjeld
staff-case-sak-hint = Til dømes «Livsopphald desember» eller «Depositum». Søkjaren ser tittelen.
staff-case-sak-open = Opprett sak
staff-case-not-processed = Søknaden skal ikkje behandlast
staff-case-not-processed-reason = Grunngiving
staff-case-not-processed-hint = Til dømes at søknaden er send to gonger eller trekt. Står i brevet til søkjaren.
staff-case-not-processed-send = Avslutt utan behandling
staff-case-journal = Interne notat
staff-case-journal-hint = Berre tilsette ved kontoret ser notata. Eit notat kan ikkje endrast; skriv eit nytt for å rette.
staff-case-note = Nytt notat
staff-case-note-save = Lagre notat
staff-case-requests = Dokument kontoret har bede om
staff-case-requests-none = Kontoret har ikkje bede om dokument.
staff-case-request-answered = sendt { $date }
staff-case-request-overdue = ikkje sendt, fristen { $date } er ute
staff-case-request-open = ikkje sendt enno, frist { $date }
staff-case-merged = Alle dokumenta i éin PDF
staff-case-letters = Brev
staff-case-letters-none = Ingen brev i saka enno.
staff-case-document-with-application = sendt med søknaden { $date }
staff-case-document-later = sendt seinare { $date }
staff-journal-note = { $name }: { $text }
staff-journal-assigned = { $name } gav saka til { $to }.
staff-journal-took = { $name } tok saka.
staff-journal-unassigned = { $name } slepte saka.
staff-journal-requested = { $name } bad om: { $documents }.
staff-journal-not-processed = { $name } avslutta utan behandling: { $text }
staff-journal-processing = { $name } starta behandlinga.
staff-journal-preliminary = { $name } sende førebels svar: svar innan { $date }.
staff-journal-sak = { $name } oppretta saka «{ $title }».
staff-done-behandle = Søknaden er under behandling. Søkjaren ser det no.
staff-done-tildel = Saka er tildelt.
staff-done-slipp = Du har slept saka.
staff-done-notat = Notatet er lagra.
staff-done-etterspor = Førespurnaden og brevet er sende. Søkjaren ser dei no.
staff-done-forelopig = Det førebelse svaret er sendt.
staff-done-sak = Saka er oppretta.
staff-done-behandles-ikke = Søknaden er avslutta utan behandling, og brevet er sendt.
staff-merged-title = Dokument i søknad { $reference }
staff-merged-count = { $count ->
    [one] Eitt dokument.
   *[other] { $count } dokument.
}
audit-list-applications = såg på søknadslista
audit-search-applications = søkte etter deg
audit-take-into-processing = byrja å behandle søknaden
audit-assign = tok saka
audit-unassign = slepte saka
audit-write-note = skreiv eit internt notat
audit-request-documents = bad om dokument
audit-preliminary-answer = sende eit førebels svar
audit-open-sak = oppretta ei sak
audit-will-not-process = avslutta søknaden utan behandling
# The emergency notice on the case page
case-emergency-text = Du har sagt at du treng hjelp i dag. Ring { $office } på { $phone } no, så får du svar i dag.
helper-emergency-text = { $name } har sagt at hen treng hjelp i dag. Ring { $office } på { $phone } no, så får { $name } svar i dag.
# The start page offers a way to one's applications; drafts under "My applications"
home-mine-heading = Har du søkt før?
home-mine-text = Under «Mine søknader» ser du søknadene du har sendt, kva kontoret ventar på frå deg, og søknader du har byrja på og ikkje sendt.
home-mine-sign-in = Logg inn og sjå søknadene dine
home-mine-open = Gå til «Mine søknader»
cases-drafts-heading = Ikkje sendt enno
cases-draft-title = Søknad til { $kommune }
cases-draft-saved = Sist lagra { $saved }.
cases-draft-continue = Hald fram
cases-sent-heading = Sende søknader
# The receipt: each expected document with what the citizen did about it
receipt-documents-done-heading = Dokument i søknaden
receipt-documents-how = Du sender dei under «Mine søknader» → søknaden → «Send dokument». Du treng ikkje sende ein ny søknad.
document-state-attached = lagt ved
document-state-office-has-it = kontoret har det allereie
document-state-to-send = blir sendt seinare
# Who has looked: one line per person and day
case-looked-times = { $action } ({ $count ->
        [one] { $count } gong
       *[other] { $count } gonger
    })
# A helper's pages speak of the person they help
helper-case-title = Søknaden til { $name }
helper-case-status-received-text = Kontoret har fått søknaden til { $name }. { $name } får vanlegvis svar innan { $date }.
helper-case-status-processing-text = Ein saksbehandlar arbeider med søknaden til { $name }. { $name } får vanlegvis svar innan { $date }.
helper-case-status-decided-text = Kontoret har gjort eit vedtak i saka til { $name }. Sjå kva det tyder nedanfor.
helper-case-status-not-processed-text = Kontoret behandlar ikkje søknaden til { $name }. Ring kontoret om de lurer på kvifor.
helper-case-preliminary = Kontoret har sendt { $name } eit førebels svar: det tek lengre tid enn vanleg å behandle søknaden.
helper-case-tasks-heading = Dette ventar kontoret på frå { $name }
helper-case-tasks-text = Kontoret treng desse dokumenta for å behandle søknaden til { $name }.
helper-case-answered-heading = Dette er sendt til søknaden til { $name }
helper-case-conditions-heading = Vilkår { $name } må følgje
helper-event-documents-sent = { $count ->
    [one] Eitt dokument vart sendt til søknaden.
   *[other] { $count } dokument vart sende til søknaden.
}
helper-upload-intro = Dokumenta blir sende til søknaden til { $name } med referanse { $reference }. Det trengst ingen ny søknad.
helper-sent-title = Dokumenta er sende
helper-sent-text = { $count ->
    [one] Du sende eitt dokument til søknaden til { $name } { $date }:
   *[other] Du sende { $count } dokument til søknaden til { $name } { $date }:
}
helper-sent-next = Kontoret ser dokumenta i saka til { $name }, og { $name } ser dei under «Mine søknader».
helper-back-to-case = Tilbake til søknaden til { $name }
# Sending documents later: files are kept with previews until sending
upload-kept-note = Filene som kunne brukast, er tekne vare på og blir viste nedanfor. Vel ei ny fil berre der det står kva som er gale.
upload-kept-heading = Valt og klart til å sendast:
upload-kept-count = { $count ->
    [one] Éi fil er vald og klar til å sendast.
   *[other] { $count } filer er valde og klare til å sendast.
}
upload-add-button = Legg til filene utan å sende
helper-upload-title = Send dokument for { $name }
# Every answer soknad.json carries in the summary: the partner's number, where each child lives
summary-partner-fnr = Fødselsnummeret til ektefelle eller sambuar
summary-barn-bor-sammen = Barn { $number } bur hos deg
summary-barn-delt-bosted = Barn { $number } har delt bustad
summary-barn-samvaer = Barn { $number } er hos deg
# The case page: what the citizen told the office about documents
case-told-heading = Dette sa du om dokumenta
case-told-text = Då du sende søknaden, sa du dette om dokumenta kontoret treng:
case-told-warnings = Vi sa frå at desse sidene kanskje ikkje kan lesast:
case-told-warning = { $document }, side { $number } ({ $file }): { $warning }
# KID on a third party's invoice (ids::Kid)
error-kid-format = KID kan berre ha tal, og ein bindestrek heilt til slutt.
error-kid-length = KID må ha mellom 2 og 25 teikn.
error-kid-checksum = Denne KID-en finst ikkje. Sjekk at du har skrive alle sifra rett, slik dei står på fakturaen.
# The calculation (calculation.rs): lines for the caseworker
calc-line-adult-single = Livsopphald, einsleg
calc-line-adult-couple = Livsopphald, ektepar/sambuarar
calc-line-adult-shared = Livsopphald, person i bufellesskap
calc-line-child = Livsopphald, barn { $age } år (sats { $from }–{ $to } år)
calc-line-household = Felles hushaldsutgifter, { $persons } personar
calc-line-housing = Buutgift: { $label }
calc-line-electricity = Straum og oppvarming: { $label }
calc-line-expense = Anna godkjend utgift: { $label }
calc-line-income-work = Inntekt, arbeid: { $label }
calc-line-income-benefit = Inntekt, trygd eller pensjon: { $label }
calc-line-income-housing-allowance = Inntekt, bustøtte: { $label }
calc-line-income-child-support = Inntekt, barnebidrag: { $label }
calc-line-income-other = Anna inntekt: { $label }
# The calculation in plain words for the citizen
calc-citizen-adult-single = Til mat, klede og andre daglege utgifter for deg
calc-citizen-adult-couple = Til mat, klede og andre daglege utgifter for dykk to
calc-citizen-adult-shared = Til mat, klede og andre daglege utgifter for deg, som deler bustad med andre
calc-citizen-child = Til daglege utgifter for barnet ditt som er { $age } år
calc-citizen-household = Til utgifter de deler i hushaldet ({ $persons } personar)
calc-citizen-housing = Til bustad: { $label }
calc-citizen-electricity = Til straum: { $label }
calc-citizen-expense = Til: { $label }
calc-citizen-income = Pengar du får: { $label }
calc-refused-no-rates = Det finst ingen satsar for denne datoen. Kontakt den som har ansvar for satsane.
calc-refused-child-age = Satsane for barn gjeld til og med 17 år. Rekn eldre barn som vaksne.
calc-refused-household-size = Satsane har ingen sats for så mange personar i hushaldet.
calc-refused-child-benefit = Barnetrygd blir ikkje rekna som inntekt (sosialtenestelova § 18 tredje ledd). Fjern linja.
calc-refused-zero = Beløpet må vere meir enn 0 kr.
calc-refused-too-many = Utrekninga kan ha høgst 40 linjer av kvart slag.
calc-refused-too-large = Summen blir for stor. Sjekk at beløpa er rette.
calc-refused-amount = Skriv beløpet i kroner, til dømes 12 500 eller 1 200,50.
calc-refused-override-reason = Skriv kvifor du endrar beløpet frå utrekninga.
calc-warning-rates-unchecked = Satsane er ikkje kontrollerte mot kjelda ({ $source }). Sjekk dei før du brukar utrekninga.
calc-warning-rates-old = Satsane er frå { $valid_from } og er meir enn eitt år gamle. Nyare satsar manglar.
# Decisions (vedtak.rs)
vedtak-outcome-granted = Innvilga
vedtak-outcome-partly-granted = Delvis innvilga
vedtak-outcome-refused = Avslått
vedtak-outcome-dismissed = Avvist
vedtak-stage-draft = Utkast
vedtak-stage-awaiting = Ventar på godkjenning
vedtak-stage-returned = Sendt tilbake med kommentar
vedtak-stage-approved = Vedteke
payment-status-planned = Planlagd
payment-status-paid = Utbetalt
payment-status-stopped = Stoppa
vedtak-refused-not-processing = Saka må vere under behandling før du kan gjere vedtak.
vedtak-refused-own = Du kan ikkje godkjenne eller sende tilbake ditt eige vedtak. Ein annan avgjerdstakar må gjere det.
vedtak-refused-not-beslutter = Berre ein avgjerdstakar eller leiar kan godkjenne vedtak.
vedtak-refused-locked = Vedtaket er sendt til godkjenning eller gjort, og kan ikkje endrast.
vedtak-refused-not-author = Berre den som skreiv vedtaket, kan sende det til godkjenning eller trekkje det tilbake.
vedtak-refused-not-awaiting = Vedtaket ventar ikkje på godkjenning.
vedtak-refused-not-approved = Vedtaket er ikkje gjort enno.
vedtak-refused-no-hjemmel = Vel minst éin heimel.
vedtak-refused-unknown-hjemmel = Vel heimel frå lista.
vedtak-refused-payment-without-grant = Eit vedtak som ikkje innvilgar noko, kan ikkje ha utbetalingar.
vedtak-refused-conditions-without-grant = Eit vedtak som ikkje innvilgar noko, kan ikkje ha vilkår eller dokumentasjonskrav.
vedtak-refused-vilkar-hjemmel = Vedtak med vilkår må ha sosialtenestelova § 20 eller § 20 a som heimel.
vedtak-refused-duplicate-reference = To utbetalingar, vilkår eller krav har same referanse.
vedtak-refused-unknown-payment = Vilkåret eller kravet gjeld ei utbetaling som ikkje finst i vedtaket.
vedtak-refused-payment-zero = Utbetalinga må vere meir enn 0 kr.
vedtak-refused-payment-too-large = Utbetalinga kan vere høgst 500 000 kr. Sjekk beløpet.
vedtak-refused-payment-due-past = Forfallsdatoen kan ikkje vere tilbake i tid.
vedtak-refused-payment-due-far = Forfallsdatoen kan vere høgst eitt år fram i tid.
vedtak-refused-payment-period = Perioden kan ikkje slutte før han byrjar.
vedtak-refused-payment-not-planned = Utbetalinga er allereie utbetalt eller stoppa.
# Appeals (klage)
klage-in-time = Klaga kom innan fristen ({ $deadline }).
klage-late = Klaga kom etter fristen ({ $deadline }), { $days ->
    [one] éin dag for seint.
   *[other] { $days } dagar for seint.
}
klage-late-reason-asked = Klaga er motteken, men kom for seint. Fortel oss kvifor, så vurderer vi om ho kan behandlast likevel.

## Workspace II: decisions and payments

staff-filter-awaiting-approval = Til godkjenning hos meg
staff-filter-returned = Returnert til meg
staff-case-decide-heading = Utrekning, vedtak og utbetalingar
staff-case-decide-text = Rekn ut stønaden, skriv vedtaket, send det til godkjenning og følg utbetalingane.
staff-case-decide-link = Gå til utrekning og vedtak
staff-journal-calculation = { $name } lagra ei utrekning: { $amount }.
staff-journal-decision-draft = { $name } lagra eit utkast til vedtak.
staff-journal-decision-submitted = { $name } sende vedtaket til godkjenning.
staff-journal-decision-returned = { $name } sende vedtaket tilbake: { $text }
staff-journal-decision-made = { $name } gjorde vedtaket: { $outcome }.
staff-journal-payment-planned = { $name } planla ei utbetaling: { $text }.
staff-journal-payment-paid = { $name } merkte ei utbetaling som utbetalt: { $text }.
staff-journal-payment-stopped = { $name } stoppa ei utbetaling: { $text }.
calc-refused-adults = Vel korleis dei vaksne i hushaldet bur.
calc-refused-child-format = Skriv alderen til kvart barn med tal, skilde med komma, til dømes 4, 12.
vedtak-refused-outcome = Vel utfall.
vedtak-refused-unknown-sak = Vel ei sak frå lista, eller ei ny sak.
vedtak-refused-period-dates = Skriv både første og siste dag i perioden, eller ingen av dei.
vedtak-refused-paid-future = Datoen for utbetalinga kan ikkje vere fram i tid.
letter-vedtak-title = Vedtak om økonomisk stønad
letter-vedtak-summary-heading = Kort fortalt
letter-vedtak-outcome-granted = Du får stønad: { $sak }.
letter-vedtak-outcome-partly-granted = Du får ein del av det du søkte om: { $sak }.
letter-vedtak-outcome-refused = Du får ikkje stønad: { $sak }.
letter-vedtak-outcome-dismissed = Vi har ikkje behandla søknaden din om { $sak }, sjå grunngivinga under.
letter-vedtak-payment = { $amount } til { $to }, blir utbetalt { $due }: { $what }
letter-vedtak-to-you = deg (konto { $account })
letter-vedtak-todo-heading = Dette må du gjere
letter-vedtak-todo-none = Du treng ikkje gjere noko no.
letter-vedtak-condition = Vilkår: { $title }
letter-vedtak-requirement = Send oss { $title } innan { $date }.
letter-vedtak-requirement-no-date = Send oss { $title }.
letter-vedtak-calculation-heading = Slik har vi rekna
letter-vedtak-calculation-total = Dette får du
letter-vedtak-reasons-heading = Grunngiving
letter-vedtak-hjemmel-heading = Vedtaket byggjer på
letter-vedtak-appeal-heading = Viss du er usamd: klage
letter-vedtak-appeal = Du kan klage på vedtaket innan { $date } (tre veker etter at du fekk det). Send klaga til { $office }.
letter-vedtak-appeal-how = Skriv kva du er usamd i og kvifor. Du kan klage under «Mine søknader» på nettsida, sende brev eller kome innom { $office }. Viss vi ikkje endrar vedtaket, sender vi klaga til Statsforvaltaren, som avgjer ho.
letter-vedtak-documents = Du har rett til å sjå dokumenta i saka di (forvaltningslova § 18). Spør oss, så får du dei.
decide-title = Utrekning og vedtak { $reference }
decide-back = Tilbake til saka
decide-heading = Utrekning og vedtak
decide-calc-heading = Utrekning
decide-calc-none = Det er ikkje rekna ut noko enno.
decide-calc-edit = Rekn ut
decide-calc-line = Linje
decide-calc-amount = Per månad
decide-calc-need = Behov i alt
decide-calc-income = Inntekt i alt
decide-calc-proposed = Føreslått stønad
decide-calc-overridden = Saksbehandlar har sett stønaden til { $amount }.
decide-calc-by = Lagra av { $name } { $date }.
decide-calc-rates = Satsar: { $source }, gjeld frå { $date }
decide-calc-section-sats = sats
decide-calc-section-utgift = utgift
decide-calc-section-inntekt = inntekt
decide-calc-adults = Vaksne i hushaldet
decide-adults-single = Einsleg
decide-adults-couple = Ektepar eller sambuarar
decide-adults-shared = Bur i bufellesskap
decide-calc-children = Barn (alder)
decide-calc-children-hint = Alderen til kvart barn, skilde med komma, til dømes 4, 12. La feltet stå tomt viss det ikkje er barn.
decide-calc-expenses = Godkjende utgifter per månad
decide-calc-expense-row = Utgift { $number }
decide-calc-income-rows = Inntekter per månad
decide-calc-income-row = Inntekt { $number }
decide-calc-kind = Type
decide-calc-text = Kva det er
decide-calc-row-amount = Beløp i kroner
decide-expense-housing = Bustad
decide-expense-electricity = Straum og oppvarming
decide-expense-other = Anna utgift
decide-income-work = Arbeid
decide-income-benefit = Trygd eller pensjon
decide-income-housing-allowance = Bustøtte
decide-income-child-support = Barnebidrag
decide-income-child-benefit = Barnetrygd
decide-income-other = Anna inntekt
decide-calc-override = Anna beløp enn utrekninga
decide-calc-override-hint = La feltet stå tomt for å bruke den føreslåtte stønaden.
decide-calc-override-amount = Stønad i kroner
decide-calc-override-reason = Kvifor du endrar beløpet
decide-calc-save = Lagre utrekninga
decide-decisions-heading = Vedtak
decide-decisions-none = Det er ikkje skrive noko vedtak enno.
decide-decision-heading = Vedtak { $number }
decide-author = Skrive av
decide-sak = Sak
decide-sak-new = Ny sak
decide-sak-title = Tittel på saka
decide-sak-title-hint = Det søkjaren ser, til dømes "Livsopphald desember". Tomt: Økonomisk sosialhjelp.
decide-outcome = Utfall
decide-reasons = Grunngiving
decide-hjemler = Heimel
decide-approved-by = Godkjent av
decide-payments = Utbetalingar
decide-conditions = Vilkår
decide-requirements = Dokumentasjonskrav
decide-letter = Les vedtaksbrevet (PDF)
decide-edit = Endre vedtaket
decide-approve = Godkjenn og gjer vedtaket
decide-return = Send tilbake
decide-comment = Kommentar til den som skreiv vedtaket
decide-returned = Sendt tilbake av { $name }: { $comment }
decide-returned-to-you = Sendt tilbake til deg: { $comment }
decide-new = Nytt vedtak
decide-change = Endre vedtaket
decide-default-payment = Livsopphald
decide-term-title = Tittel
decide-term-description = Forklaring til søkjaren
decide-term-deadline = Frist
decide-condition-row = Vilkår { $number }
decide-requirement-row = Dokumentasjonskrav { $number }
decide-payment-row = Utbetaling { $number }
decide-payment-what = Kva utbetalinga gjeld
decide-payment-amount = Beløp i kroner
decide-payment-due = Forfallsdato
decide-payment-from = Periode frå
decide-payment-to = Periode til
decide-payment-recipient = Mottakar
decide-recipient-citizen = søkjaren
decide-recipient-other = Annan mottakar (utleigar, straumselskap)
decide-payment-name = Namn på annan mottakar
decide-payment-name-hint = Som på fakturaen. Berre for annan mottakar.
decide-payment-account = Kontonummer
decide-payment-kid = KID
decide-payment-kid-hint = Frå fakturaen, viss han har KID.
decide-payment-line = { $amount } – { $what }, forfall { $date }, til { $to }
decide-save-draft = Lagre utkast
decide-submit = Send til godkjenning
decide-make = Gjer vedtak
decide-payments-heading = Utbetalingar
decide-payments-none = Ingen utbetalingar enno.
decide-payment-planned = Planlagd
decide-payment-paid = Utbetalt { $date }
decide-payment-stopped = Stoppa
decide-paid-on = Utbetalt dato
decide-mark-paid = Merk som utbetalt
decide-stop = Stopp utbetalinga
decide-plan = Planlegg ei ny utbetaling
decide-plan-which = Vedtak
decide-plan-save = Planlegg utbetalinga
decide-done-utregning = Utrekninga er lagra.
decide-done-utkast = Utkastet er lagra.
decide-done-send = Vedtaket er sendt til godkjenning. Det går til søkjaren når ein beslutter har godkjent det.
decide-done-fattet = Vedtaket er gjort og sendt til søkjaren.
decide-done-godkjenn = Vedtaket er godkjent og sendt til søkjaren.
decide-done-returner = Vedtaket er sendt tilbake med kommentaren din.
decide-done-planlegg = Utbetalinga er planlagd.
decide-done-utbetalt = Utbetalinga er merkt som utbetalt.
decide-done-stopp = Utbetalinga er stoppa.
audit-save-calculation = rekna ut stønaden
audit-draft-decision = skreiv eit utkast til vedtak
audit-submit-decision = sende vedtaket til godkjenning
audit-make-decision = gjorde vedtak
audit-approve-decision = godkjende vedtaket
audit-return-decision = sende vedtaket tilbake med ein kommentar
audit-plan-payment = planla ei utbetaling
audit-mark-payment-paid = merkte ei utbetaling som utbetalt
audit-stop-payment = stoppa ei utbetaling
staff-case-decide-calculated = Utrekna stønad: { $amount }.
case-calculation-heading = Slik har vi rekna: { $sak }
case-calculation-what = Kva
case-calculation-month = Per månad
case-calculation-total = Dette får du
## Dialogue: the conversation between a person and the office
message-heading = Skriv til kontoret
message-none = Du har ikkje skrive til kontoret om denne søknaden enno. Her kan du stille spørsmål eller fortelje om noko som har endra seg.
message-label = Meldinga di
message-hint = Kontoret svarer innan to arbeidsdagar. Dokument kontoret har bede om, sender du under «Send dokument».
message-emergency = Eg har ikkje mat eller ein stad å sove i dag
message-send = Send melding
message-sent = Meldinga er send.
message-answer-by = Du får vanlegvis svar innan { $date }.
message-from-you = Du
message-from-office = { $name }, { $office }
message-emergency-tag = Hastar
message-call-now = Ring { $office } no, så får du hjelp i dag. Ikkje vent på svar på meldinga.
message-case-closed = Denne saka er avslutta, så du kan ikkje skrive her lenger. Send ein ny søknad, eller ring { $office } på { $phone }.
error-message-empty = Skriv ei melding før du sender.
error-message-case-closed = Denne saka vart avslutta for lenge sidan til at du kan skrive her. Send ein ny søknad, eller ring kontoret.
staff-messages-title = Meldingar som ventar på svar
staff-messages-office = Meldingar til { $office }. Kontoret svarer innan to arbeidsdagar; dei eldste og dei som hastar står øvst.
staff-messages-none = Ingen meldingar ventar på svar.
staff-messages-emergency = Hastar: har ikkje mat eller stad å sove i dag
staff-messages-col-since = Ventar sidan
staff-messages-col-answer-by = Svarfrist
staff-messages-since = { $date } ({ $days ->
    [one] éin arbeidsdag
   *[other] { $days } arbeidsdagar
})
staff-messages-answer-by = Svar innan { $date }
staff-messages-overdue = Fristen gjekk ut { $date }
staff-messages-link = Meldingar
staff-conversation-title = Meldingar i sak { $reference }
staff-conversation-back = Tilbake til saka
staff-conversation-none = Ingen meldingar i denne saka enno. Du kan skrive først.
staff-answer-label = Svar
staff-answer-hint = Svaret blir sendt med namnet ditt og namnet til kontoret, og kan ikkje endrast etterpå. Skriv enkelt og konkret.
staff-answer-send = Send svar
staff-answer-sent = Svaret er sendt.
audit-read-messages = las meldingane
audit-answer-message = svarte på ei melding
audit-list-messages = såg lista over meldingar
event-message-written = Du skreiv til kontoret.
event-message-answered = { $office } svarte på meldinga di.
helper-event-message-written = { $name } skreiv til kontoret.
staff-event-message-written = Søkjaren skreiv til kontoret.
helper-event-message-answered = { $office } svarte på ei melding.

## Notifications (varsler): never personal or case content
notice-subject = Nytt frå NAV-kontoret ditt
notice-log-in = Logg inn på nettsida der du søkte om økonomisk sosialhjelp for å lese det. Vi sender aldri personopplysningar på SMS eller e-post.
notice-ny-melding = Du har fått ei ny melding frå NAV-kontoret ditt.
notice-dokumentasjon-etterspurt = NAV-kontoret ditt ber deg sende dokument.
notice-vedtak = Du har fått svar på søknaden din.
notice-utbetaling-planlagt = Ei utbetaling er planlagd.
notice-frist-snart = Fristen for å sende dokument går snart ut.
notice-mote = Du har fått ein avtale med NAV-kontoret ditt, eller ein avtale er endra.
notices-title = Varsel på SMS og e-post
notices-back = Tilbake til søknadene dine
notices-intro = Vi seier frå på SMS eller e-post når det skjer noko i saka di. Varselet seier aldri kva det gjeld – du loggar inn for å lese det.
notices-saved = Vala dine er lagra.
notices-default-sms = Du har ikkje valt enno. Til då får du SMS til mobilnummeret du gav i søknaden.
notices-default-none = Du har ikkje valt enno, og vi har ikkje mobilnummeret ditt. Skriv det inn under for å få varsel.
notices-how = Korleis vil du bli varsla?
notices-sms = Send SMS
notices-phone = Mobilnummer
notices-email = Send e-post
notices-email-address = E-postadresse
notices-what = Kva vil du bli varsla om?
notices-always = Desse får du alltid, fordi lova krev at du får vite om dei:
notices-save = Lagre
notices-kind-ny-melding = Nye meldingar frå kontoret
notices-kind-dokumentasjon-etterspurt = Når kontoret ber deg sende dokument
notices-kind-vedtak = Svar på søknaden (vedtak)
notices-kind-utbetaling-planlagt = Planlagde utbetalingar
notices-kind-frist-snart = To dagar før ein frist går ut
notices-kind-mote = Avtalar med kontoret
notices-link = Vel korleis du vil bli varsla
error-email = Skriv ei e-postadresse som liknar namn@eksempel.no.
error-notice-email-missing = Skriv e-postadressa du vil ha varsel til, eller ta bort haken for e-post.
error-notice-phone-missing = Skriv mobilnummeret du vil ha SMS til, eller ta bort haken for SMS.
notice-mote-i-morgen = Du har ein avtale med NAV-kontoret ditt i morgon.
notices-kind-mote-i-morgen = Påminning dagen før ein avtale

## Meetings (møter)
weekday-1 = måndag
weekday-2 = tysdag
weekday-3 = onsdag
weekday-4 = torsdag
weekday-5 = fredag
weekday-6 = laurdag
weekday-7 = sundag
meeting-kind-oppmote = Oppmøte
meeting-kind-telefon = Telefon – vi ringjer deg
meeting-kind-video = Video
meeting-room = rom { $room }
meeting-ics-title = Avtale med { $office }
meeting-ics-description = { $how }. Med { $name }.
case-meetings-heading = Avtalar med kontoret
case-meeting-with = Med { $name }
case-meeting-cancelled = avlyst
case-meeting-ics = Legg i kalenderen
case-meeting-move = Be om å flytte avtalen
case-meeting-move-label = Kvifor, og når passar det betre?
case-meeting-move-hint = Kontoret svarer innan to arbeidsdagar. Avtalen gjeld til du har fått svar.
case-meeting-move-send = Send ønsket
case-meeting-move-asked = Du har bede om å flytte avtalen. Kontoret svarer deg under «Skriv til kontoret».
staff-meetings-link = Avtalar
staff-meetings-title = Avtalar i sak { $reference }
staff-meetings-none = Ingen avtalar i denne saka.
staff-meetings-list = Avtalar
staff-meeting-conflict = Avtalen vart endra av nokon andre medan sida var open. Sjå over og prøv igjen.
staff-meeting-cancelled = avlyst
staff-meeting-cancel = Avlys
staff-meeting-book = Ny avtale
staff-meeting-date = Dato
staff-meeting-time = Klokkeslett
staff-meeting-time-hint = På heile kvarter, mellom 08.00 og 16.00, til dømes 09.30.
staff-meeting-minutes = Lengd i minutt
staff-meeting-kind = Korleis
staff-meeting-place = Stad eller lenkje
staff-meeting-place-hint = Oppmøte: adressa. Video: lenkja (https://…). Telefon: kan stå tomt, du ringjer nummeret i søknaden.
staff-meeting-room = Møterom (valfritt)
staff-meeting-book-button = Book avtalen
staff-meeting-move-asked = Søkjaren bad { $date } om å flytte avtalen: «{ $text }»
staff-meeting-done-booket = Avtalen er booka, og søkjaren får varsel.
staff-meeting-done-avlyst = Avtalen er avlyst, og søkjaren får varsel.
error-meeting-date = Skriv ein dato, til dømes 07.12.2026.
error-meeting-past = Tidspunktet har alt vore. Vel eit seinare.
error-meeting-day-off = Det er helg eller heilagdag den dagen. Vel ein arbeidsdag.
error-meeting-time = Vel eit klokkeslett på heilt kvarter, slik at avtalen er ferdig innan 16.00.
error-meeting-minutes = Skriv ei lengd frå 15 til 120 minutt, i heile kvarter.
error-meeting-kind = Vel korleis avtalen skal haldast.
error-meeting-place = Skriv adressa for oppmøte, eller ei lenkje som byrjar med https:// for video.
error-meeting-caseworker-taken = Du har alt ein avtale på det tidspunktet. Vel eit anna.
error-meeting-room-taken = Rommet er oppteke på det tidspunktet. Vel eit anna rom eller tidspunkt.
audit-read-meetings = såg avtalane
audit-book-meeting = booka ein avtale
audit-move-meeting = flytte ein avtale
audit-cancel-meeting = avlyste ein avtale

## Letters that reach people: print and post
staff-print-title = Brev som skal skrivast ut
staff-print-intro = Brev frå { $office } som ikkje er opna på nett etter { $days } dagar. Skriv dei ut og send dei i posten, eller gi dei personleg når adressa er verna.
staff-print-none = Ingen brev ventar på utskrift.
staff-print-sent = Sendt { $date }, ikkje opna
staff-print-protected = Adressa er verna: gi brevet personleg. Det blir aldri skrive ut med adresse.
staff-print-pdf = Skriv ut (PDF med adresseside)
staff-print-mark = Skrive ut og sendt
staff-print-handed-over = Gitt personleg
staff-print-done = Brevet er teke av lista.
print-cover-from = Frå { $office }, { $address }
print-cover-reference = Referanse: { $reference }
audit-print-letter = skreiv ut eit brev til deg
audit-letter-printed = gav deg eit brev på papir
audit-list-letters-to-print = såg lista over brev som skal skrivast ut

## Appeals (klage)
klage-heading = Klage
klage-title = Klag på vedtaket
klage-start = Klag på vedtaket
klage-intro = Er du ueinig i vedtaket, kan du klage. Skriv kva du er ueinig i og kvifor. Kontoret ser på saka igjen; får du ikkje medhald, blir klaga send til Statsforvaltaren, som avgjer ho.
klage-invite = Er du ueinig i vedtaket? Du kan klage innan { $deadline }.
klage-invite-late = Fristen for å klage har gått ut, men du kan klage likevel. Fortel då kvifor klaga kjem no.
klage-deadline = Fristen for å klage er { $deadline }.
klage-deadline-passed = Fristen for å klage var { $deadline }. Klaga blir teken imot likevel, men fortel kvifor ho kjem no.
klage-which = Kva vedtak klagar du på?
klage-decision-label = Vedtaket frå { $date }
klage-decision-label-nth = Vedtaket frå { $date } (vedtak nr. { $number })
klage-why = Kva er du ueinig i, og kvifor?
klage-why-hint = Skriv med dine eigne ord. Du kan sende dokument som støttar klaga under «Send dokument».
klage-late-why = Kvifor kjem klaga no?
klage-late-why-hint = Til dømes at du var sjuk, ikkje fekk brevet, eller ikkje forstod det. Kontoret kan behandle klaga likevel når det er ein god grunn.
klage-documents = Du har rett til å sjå dokumenta i saka di. Be om dei under «Skriv til kontoret».
klage-send = Send klaga
klage-received = Klaga er motteken.
klage-item-title = Klage send { $date }
klage-status-SENDT = Klaga er send
klage-status-MOTTATT = Klaga er motteken
klage-status-UNDER_BEHANDLING = Kontoret behandlar klaga
klage-status-FERDIGBEHANDLET = Klaga er ferdig behandla
klage-status-VIDERESENDT = Klaga er send til Statsforvaltaren, som avgjer ho
klage-status-TRUKKET = Klaga er trekt
klage-status-FORELOPIG_SVAR = Du har fått eit førebels svar på klaga
klage-utfall-MEDHOLD = Du fekk medhald: kontoret lagar eit nytt vedtak
klage-utfall-DELVIS_MEDHOLD = Du fekk delvis medhald
klage-utfall-OPPRETTHOLDT = Kontoret meiner vedtaket er rett
klage-utfall-AVVIST = Klaga vart avvist
klage-event-received = Klage motteken
klage-event-processing = Klage under behandling
klage-event-upheld = Medhald i klaga
klage-event-done = Klage ferdig behandla
klage-event-kept = Vedtaket halde oppe
klage-event-forwarded = Klage send til Statsforvaltaren
klage-cover-title = Oversending av klage til Statsforvaltaren
klage-cover-to = Til: Statsforvaltaren. Kopi til deg som klaga.
klage-cover-what-now-heading = Kva skjer no
klage-cover-what-now = { $office } har sett på saka igjen og meiner vedtaket er rett. Difor blir klaga send til Statsforvaltaren, som avgjer ho. Du får svar frå Statsforvaltaren. Du treng ikkje gjere noko, men du kan sende meir til Statsforvaltaren om du vil.
klage-cover-appeal-heading = Klaga
klage-cover-in-time = Klaga kom innan fristen ({ $deadline }).
klage-cover-late = Klaga kom { $days } dagar etter fristen ({ $deadline }).
klage-cover-late-reason = Grunnen til at klaga kom seint: { $reason }
klage-cover-assessment-heading = Vurderinga til kontoret
klage-cover-rights-heading = Rettane dine
klage-cover-rights = Du har rett til å sjå dokumenta i saka (forvaltningslova § 18). Statsforvaltaren kan prøve alle sider av saka (forvaltningslova § 34).
error-klage-decision = Vel vedtaket du klagar på.
error-klage-empty = Skriv kva du er ueinig i.
error-klage-step = Klaga er alt behandla så langt. Last sida på nytt.
error-klage-assessment = Skriv vurderinga til kontoret før klaga blir send til Statsforvaltaren.
staff-appeals-title = Klager
staff-appeals-link = Klager
staff-appeals-office = Opne klager til { $office }, dei eldste først.
staff-appeals-none = Ingen opne klager.
staff-appeals-received = Motteken
staff-appeals-deadline = Frist
staff-appeal-title = Klager i sak { $reference }
staff-appeal-none = Ingen klager i denne saka.
staff-appeal-late-reason = Grunn til at klaga kom seint: { $reason }
staff-appeal-process = Ta klaga under behandling
staff-appeal-uphold = Gi medhald
staff-appeal-uphold-hint = Ved medhald lagar du eit nytt vedtak:
staff-appeal-decide-link = gå til vedtakssida
staff-appeal-assessment = Vurderinga til kontoret
staff-appeal-assessment-hint = Kvifor vedtaket blir halde oppe. Dette står i oversendingsbrevet til Statsforvaltaren, som søkjaren får kopi av.
staff-appeal-forward = Hald oppe og send til Statsforvaltaren
staff-appeal-done-behandle = Klaga er teken under behandling.
staff-appeal-done-medhold = Klaga har fått medhald. Lag det nye vedtaket på vedtakssida.
staff-appeal-done-oversend = Klaga er send til Statsforvaltaren, med oversendingsbrev.
audit-read-appeals = såg klagene dine
audit-appeal-step = behandla klaga di
audit-list-appeals = såg lista over klager

## Photos: what to do
# Before sending: a page that is probably hard to read, and what to do about it (velferd_documents::photos::Warning).
photo-fix-blurry = Biletet ser uskarpt ut. Hald telefonen still og ta biletet på nytt, så kontoret kan lese det.
photo-fix-dark = Biletet er for mørkt. Ta biletet på nytt nærare eit vindauge, eller slå på meir lys.
photo-fix-empty = Vi ser nesten ingenting på sida. Sjekk at du har teke bilete av rett side, og at heile arket er med.
photo-fix-cut-off = Sida er kutta av. Ta biletet på nytt og få med heile arket.
photo-fix-slanted = Sida er teken på skrå. Hald telefonen rett over arket og ta biletet på nytt.
photo-fix-attached-files = Denne PDF-en har filer lagde inni seg. Kontoret får sidene og namna på dei filene, men ikkje sjølve filene: treng kontoret ei av dei, send ho som ei eiga fil.
# Upload pages: the button that splits a PDF into one file per page, to turn, move or remove them one by one.
attach-split = Del opp i enkeltsider

## Language names inside a sentence ("the application was written in bokmål")
language-name-nb = bokmål
language-name-nn = nynorsk
language-name-en = engelsk
staff-case-told = Dette sa søkjaren om dokumenta då søknaden vart send
## Child welfare (barnevern): concern reports (issue 18)
staff-role-barnevern = Barnevernstenesta
bv-home-link = Bekymringsmeldingar (barnevern)
bv-service-name = Barnevernstenesta i { $kommune }
bv-letter-reference = Referanse: { $reference }
bv-form-title = Meld uro for eit barn
bv-form-intro = Er du uroleg for eit barn, kan du melde frå til barnevernstenesta i kommunen der barnet bur. Skriv det du veit; du treng ikkje vite alt. Du kan vere anonym.
bv-form-professional-hint = Melder du i jobben din (skule, barnehage, helse, politi, NAV)?
bv-form-professional-link = Logg inn og meld som fagperson
bv-form-sign-in-text = Fagpersonar med opplysningsplikt loggar inn, så barnevernstenesta veit kven som melder og kan gi deg tilbakemelding.
bv-form-sign-in = Logg inn for å melde som fagperson
bv-form-private-link = Meld som privatperson utan å logge inn
bv-form-trap = Ikkje fyll ut dette feltet
bv-form-send = Send bekymringsmeldinga
bv-danger-heading = Er barnet i fare no?
bv-danger-text = Ring med ein gong. Ikkje vent på svar på eit skjema.
bv-danger-112 = politiet, når barnet er i fare no
bv-danger-116111 = Alarmtelefonen for barn og unge, døgnopen og gratis; dei set deg over til barnevernsvakta
bv-danger-question = Er barnet i fare akkurat no?
bv-danger-yes = Ja
bv-danger-no = Nei
bv-danger-now-tag = I fare no
bv-kommune = Kommunen der barnet bur
bv-kommune-hint = Meldinga går til barnevernstenesta i denne kommunen.
bv-kommune-choose = Vel kommune
bv-child-heading = Barnet
bv-child-hint = Fyll ut det du veit. Namn eller kvar barnet kan finnast er nok.
bv-child-name = Namnet til barnet
bv-child-birth-date = Fødselsdato
bv-child-birth-date-hint = Til dømes 01.05.2016, viss du veit den.
bv-child-fnr = Fødselsnummer
bv-child-fnr-hint = 11 siffer, berre viss du veit det.
bv-child-whereabouts = Kvar barnet bur eller kan finnast
bv-child-whereabouts-hint = Adresse, skule eller barnehage.
bv-child-unnamed = Barn utan oppgitt namn
bv-concern = Kva har du sett eller høyrt?
bv-concern-hint = Beskriv kva som skjedde, når, og korleis du fekk vite det.
bv-urgency = Hastegrad
bv-urgency-question = Kor fort meiner du at barnevernstenesta må gjere noko?
bv-urgency-akutt = Akutt – i dag
bv-urgency-snart = Snart – i løpet av nokre dagar
bv-urgency-vanlig = Vanleg
bv-reporter-heading = Den som melder
bv-reporter-hint = Barnevernstenesta kan trenge å snakke med deg. Du kan òg melde anonymt.
bv-reporter-anonymous-choice = Eg vil vere anonym
bv-reporter-anonymous-hint = Då blir verken namn, kontaktopplysningar eller nettverksadresse lagra. Barnevernstenesta kan ikkje kontakte deg.
bv-reporter-signed-in = Du melder som fagperson: { $name }
bv-reporter = Melder
bv-reporter-anonymous = Anonym
bv-reporter-name = Namn
bv-reporter-phone = Telefon
bv-reporter-email = E-post
bv-reporter-contact = Kontakt
bv-reporter-role = Rolle og arbeidsstad
bv-reporter-role-field = Rolla di
bv-reporter-role-hint = Til dømes kontaktlærar, helsesjukepleiar eller politi.
bv-reporter-organisation = Arbeidsstad
bv-receipt-title = Bekymringsmeldinga er motteken
bv-receipt-sent-to = { $service } fekk meldinga { $time }.
bv-receipt-received = Motteken: { $time }
bv-receipt-received-label = Motteken
bv-receipt-what = Meldinga
bv-receipt-who = Melder
bv-receipt-next-heading = Kva skjer no
bv-receipt-next = Barnevernstenesta går gjennom meldinga seinast innan ei veke og vurderer om ho skal undersøkjast. Hastesaker blir behandla same dag.
bv-receipt-next-professional = Som fagperson får du innan tre veker vite om det er starta ei undersøking eller om meldinga er lagd bort.
bv-receipt-pdf = Last ned kvitteringa (PDF)
bv-receipt-another = Meld uro for eit anna barn
bv-refused-kommune = Vel kommunen der barnet bor.
bv-refused-child-unknown = Skriv namnet til barnet eller kvar barnet kan finnast.
bv-refused-fnr = Fødselsnummeret er ikkje gyldig. Sjekk siffera, eller la feltet stå tomt.
bv-refused-date = Skriv datoen som dd.mm.åååå.
bv-refused-birth-future = Fødselsdatoen kan ikkje vere fram i tid.
bv-refused-concern-empty = Skriv kva du har sett eller høyrt.
bv-refused-urgency = Vel kor fort du meiner det hastar.
bv-refused-danger = Svar på om barnet er i fare no.
bv-refused-name = Skriv namnet ditt, eller vel å vere anonym.
bv-refused-contact = Skriv telefon eller e-post, så barnevernstenesta kan nå deg.
bv-refused-email = E-postadressa ser ikkje rett ut.
bv-refused-role = Skriv rolla di.
bv-refused-organisation = Skriv arbeidsstaden din.
bv-refused-too-long = Teksten er for lang.
bv-refused-direction = Teksten har usynlege teikn som endrar skriveretninga. Skriv han inn på nytt.
bv-refused-unreadable = Teksten har teikn vi ikkje kan lese. Skriv han inn på nytt.
bv-refused-stale-form = Skjemaet var gått ut. Det du skreiv er teke vare på – send igjen.
bv-refused-robot = Meldinga kunne ikkje sendast. Sjekk skjemaet og send igjen.
bv-refused-too-fast = Skjemaet vart sendt svært raskt. Sjekk at alt stemmer, og send igjen.
bv-refused-sign-in = Logg inn for å melde som fagperson.
bv-refused-reason-missing = Skriv ei grunngiving.
bv-refused-closed = Meldinga er avslutta; ingenting meir kan registrerast.
bv-refused-already-investigating = Undersøking er alt starta.
bv-refused-already-reviewed = Meldinga er alt gjennomgått.
bv-refused-not-investigating = Fristen kan berre forlengjast når ei undersøking er starta.
bv-refused-no-extension = Lova gir inga forlenging av denne fristen.
bv-refused-date-past = Datoen har passert. Vel i dag eller seinare.
bv-refused-extension-short = Datoen er innanfor den vanlege fristen; då trengst inga forlenging.
bv-refused-extension-long = Fristen kan forlengjast til høgst seks månader etter at meldinga kom inn.
bv-refused-merge-self = Ei melding kan ikkje slåast saman med seg sjølv.
bv-refused-merge-kommune = Meldinga høyrer til ein annan kommune.
bv-refused-merge-closed = Den andre meldinga er avslutta.
bv-refused-merge-other-child = Meldingane gjeld ikkje same barn (fødselsnummer, eller namn og fødselsdato, må stemme).
bv-refused-merge-unknown = Fann inga melding med den referansen.
bv-refused-not-professional = Tilbakemelding blir berre gitt til fagpersonar som har meldt.
bv-refused-feedback-early = Tilbakemeldinga blir send når undersøking er starta eller meldinga er lagd bort.
bv-refused-feedback-sent = Tilbakemeldinga er alt send.
bv-refused-unknown-action = Vel ei handling.
bv-list-title = Bekymringsmeldingar
bv-list-unit = { $unit }
bv-list-overdue = { $count ->
    [one] 1 melding har passert ein frist
   *[other] { $count } meldingar har passert ein frist
}
bv-list-overdue-text = Følg opp straks, og meld frå til leiar.
bv-list-filters = Vis meldingar
bv-list-open = Opne
bv-list-all = Alle, også avslutta
bv-list-none = Ingen meldingar her.
bv-acute = Akutt
bv-received = Motteken
bv-status = Status
bv-next-deadline = Neste frist
bv-status-ny = Ny – hastegrad ikkje vurdert
bv-status-vurdert = Vurdert
bv-status-undersokes = Blir undersøkt
bv-status-avsluttet = Avslutta
bv-status-sammenslatt = Slått saman med ei anna melding
bv-deadline-gjennomgang = Gjennomgang (1 veke)
bv-deadline-undersokelse = Undersøking (3 månader)
bv-deadline-skyddsbedomning = Skyddsbedömning (same dag)
bv-deadline-forhandsbedomning = Förhandsbedömning (14 dagar)
bv-deadline-utredning = Utredning (4 månader)
bv-deadline-tilbakemelding = Tilbakemelding til melder (3 veker)
bv-deadline-met = halde (frist { $date })
bv-deadline-met-late = gjort etter fristen { $date }
bv-deadline-today = frist i dag, { $date }
bv-deadline-left = { $date }, { $days ->
    [one] 1 dag att
   *[other] { $days } dagar att
}
bv-deadline-overdue = fristen { $date } er passert med { $days ->
    [one] 1 dag
   *[other] { $days } dagar
}
bv-deadline-extended = (forlengd)
bv-deadlines = Frister
bv-files = Dokument
bv-file-vedlegg = Vedlegg frå melder ({ $date })
bv-file-tilbakemelding = Tilbakemelding til melder ({ $date })
bv-steps = Logg
bv-step-mottatt = Meldinga motteken
bv-step-hastegrad = Hastegrad vurdert: { $urgency }. { $reason }
bv-step-gjennomgang = Gjennomgått. { $reason }
bv-step-undersokelse = Undersøking starta. { $reason }
bv-step-forlengelse = Fristen for undersøkinga forlengd til { $date }. { $reason }
bv-step-avsluttet = Avslutta. { $reason }
bv-step-sammenslatt = Slått saman med ei anna melding om samme barn. { $reason }
bv-step-tilbakemelding = Tilbakemelding send til melder
bv-report-title = Bekymringsmelding { $reference }
bv-back-list = Tilbake til bekymringsmeldingane
bv-conflict = Nokon andre endra meldinga medan du skreiv. Sjå det nye nedanfor; det du skreiv er teke vare på.
bv-reason = Grunngiving
bv-action-hastegrad = Vurder hastegrad
bv-action-hastegrad-send = Lagre hastegrad
bv-action-undersokelse = Start undersøking
bv-action-undersokelse-send = Start undersøking
bv-action-forlengelse = Forleng fristen for undersøkinga
bv-action-forlengelse-send = Forleng fristen
bv-extend-until = Ny frist
bv-extend-until-hint = Høgst seks månader etter at meldinga kom inn (barnevernsloven § 2-2).
bv-action-avslutt = Avslutt (legg bort)
bv-action-avslutt-send = Avslutt meldinga
bv-action-sammenslaa = Slå saman med ei anna melding om same barn
bv-action-sammenslaa-send = Slå saman
bv-merge-with = Referansen til den andre meldinga
bv-merge-with-hint = Til dømes BM-1A2B3C4D.
bv-action-tilbakemelding = Tilbakemelding til melder
bv-action-tilbakemelding-text = Fagpersonen får eit brev om at meldinga er motteken, og om undersøking er starta eller meldinga lagd bort. Ikkje noko anna om saka.
bv-action-tilbakemelding-send = Lag og send tilbakemeldinga
bv-done-hastegrad = Hastegraden er lagra.
bv-done-gjennomgang = Gjennomgangen er registrert.
bv-done-undersokelse = Undersøkinga er starta.
bv-done-forlengelse = Fristen er forlengd.
bv-done-avslutt = Meldinga er avslutta.
bv-done-sammenslaa = Meldinga er slått saman.
bv-done-tilbakemelding = Tilbakemeldinga er laga.
bv-feedback-title = Tilbakemelding på bekymringsmelding
bv-feedback-heading = Meldinga di
bv-feedback-received = Vi stadfestar at vi tok imot bekymringsmeldinga di { $date }.
bv-feedback-investigation = Vi har starta ei undersøking.
bv-feedback-closed = Vi har gått gjennom meldinga og lagt henne bort.
bv-feedback-law = Du får denne tilbakemeldinga fordi du melde som fagperson (barnevernslova § 13-4). Vi kan ikkje fortelje meir om saka.
bv-action-gjennomgang = Registrer gjennomgang
bv-action-gjennomgang-text = Meldinga er lesen og vurdert; avgjerda (undersøking eller bortlegging) kjem seinare.
bv-action-gjennomgang-send = Registrer gjennomgang
bv-export = Eksport til fagsystemet (Fiks bekymringsmelding, JSON)
bv-attachments = Vedlegg (friviljug)
bv-attachments-hint = Bilete (JPEG, PNG) eller PDF, til dømes eit notat. Kvar fil blir ein PDF hos barnevernstenesta.
bv-attachments-too-many = Send høgst { $files } filer, til saman høgst { $total_mb } MB.
bv-attachments-again = Vel filene på nytt; det du skreiv er teke vare på.
## Dialogue II: the case's archive copy, attachments on messages, reply templates, routing, helpers
# The case's archive copy (arkivkopi): the whole record in one PDF
archive-title = Saka { $reference } – arkivkopi
archive-link-office = Heile saka som PDF (arkivkopi)
archive-link-own = Heile saka di som PDF
archive-office-copy = Arkivkopien til kontoret, laga { $date }. Inneheld dei interne notata til kontoret.
archive-own-copy = Kopien din av saka, laga { $date }.
archive-application-heading = Søknaden
archive-application-text = Svara slik dei vart sende { $date }.
archive-timeline-heading = Kva som har skjedd
archive-messages-heading = Meldingar
archive-messages-none = Ingen meldingar i saka.
archive-letters-heading = Brev
archive-documents-heading = Dokument
archive-notes-heading = Interne notat
staff-event-message-answered = { $office } svarte søkjaren.
archive-none = Ingen.
audit-read-archive = såg heile saka di (arkivkopi)
# Attachments on messages: photos and PDFs become one PDF, as documents sent later do
message-attachment = Vedlegg: { $files }
message-attachment-pages = PDF, { $pages ->
    [one] 1 side
   *[other] { $pages } sider
}
message-files-label = Legg ved bilete eller PDF (frivillig)
message-files-hint = Høgst { $files } filer. Bileta blir til éin PDF som kontoret kan lese.
message-files-again = Teksten din er teken vare på. Vel filene på nytt.
message-attach-too-many = Du kan leggje ved høgst { $files } filer i éi melding.
staff-answer-files-hint = Høgst { $files } filer. Bileta blir til éin PDF som søkjaren kan opne.
staff-answer-files-label = Legg ved bilete eller PDF (frivillig)
archive-attachment-with-message = Sendt med melding frå { $who } { $date }.
# Reply templates kept per office, and routing a conversation to a colleague
staff-templates-title = Svarmalar
staff-templates-intro = Svarmalane til { $office }. Alle som behandlar saker her, kan bruke og endre dei. Ikkje skriv personopplysningar i ein mal.
staff-templates-none = Kontoret har ingen svarmalar enno.
staff-template-changed = Endra { $date } av { $name }
staff-template-edit = Endre «{ $title }»
staff-template-new = Ny svarmal
staff-template-change = Endre svarmalen
staff-template-title-label = Tittel
staff-template-text-label = Tekst
staff-template-text-hint = Teksten fyller svarfeltet. Den som svarer, tilpassar han før svaret blir sendt.
staff-template-save = Lagre svarmalen
staff-template-saved = Svarmalen er lagra.
staff-template-pick = Start frå ein svarmal
staff-template-pick-hint = Teksten kjem i svarfeltet, og du kan endre han før du sender.
staff-template-none = Ingen mal
staff-template-use = Bruk malen
staff-template-used = Teksten frå «{ $title }» står i svarfeltet. Tilpass han før du sender.
error-template-title-empty = Gi malen ein tittel.
staff-route-heading = Fordelt til
staff-route-label = Gi samtalen til ein kollega
staff-route-office = Heile kontoret
staff-route-send = Fordel samtalen
staff-routed-to = Fordelt til { $name }
staff-routed-office = Heile kontoret
staff-routed-done = Samtalen er fordelt.
error-route-unknown = Vel ein kollega på kontoret som behandlar saker.
audit-route-conversation = gav meldingane dine til ein sakshandsamar
# Helpers in the conversation: a power that covers it, messages signed as the helper
helper-may-write = Personen kan òg lese meldingane og skrive til kontoret for meg
helper-scope-messages = Kan lese og skrive meldingar
message-from-helper = { $helper } på vegner av { $person }
message-from-helper-for-you = { $helper } på vegner av deg
audit-helper-write-message = skreiv til kontoret for deg (fullmakt)
audit-helper-read-file = opna eit vedlegg i meldingane (fullmakt)
