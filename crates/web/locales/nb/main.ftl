# Velferd – norsk bokmål. Enkle ord, korte setninger. Nøklene er felles for alle språk.

## Felles
skip-to-content = Gå til innholdet
language-nav = Språk
sign-out = Logg ut
demo-banner = Demoversjon: alle personer og saker her er oppdiktet.
footer-text = Velferd – søknad om økonomisk sosialhjelp. Spør kontoret ditt hvis du trenger hjelp.
title-error-prefix = Feil:
button-next = Neste
button-back = Tilbake
button-send = Send søknaden
answer-ja = Ja
answer-nei = Nei
answer-none = Ingen oppgitt
date-hint = Skriv datoen slik: 31.12.2015
draft-expiry = Svarene dine lagres underveis. Søknaden slettes { $date } hvis du ikke sender den.
step-saved-after-sign-in = Du var blitt logget ut da du lagret denne siden. Svarene du hadde skrevet, er lagret nå.
office-phone = Telefon
office-address = Besøksadresse

## Forsiden
home-title = Søk om økonomisk sosialhjelp
home-intro = Økonomisk sosialhjelp er penger til mat, bolig og andre nødvendige utgifter når du ikke klarer å forsørge deg selv.
home-emergency-heading = Trenger du hjelp i dag?
home-emergency-text = Har du ikke mat i dag eller ikke et sted å sove i natt, ring kontoret ditt med en gang. Du kan også søke her, og da ser kontoret søknaden din først.
home-before-heading = Før du begynner
home-before-time = Det tar omtrent 15 minutter.
home-before-save = Svarene lagres underveis. Du kan ta pause og fortsette senere, også på en annen telefon eller PC.
home-before-documents = Du sender dokumenter (for eksempel kontoutskrift og husleiekontrakt) etterpå.
home-start = Start søknaden
home-other-heading = Kan du ikke søke digitalt?
home-other-text = Du kan søke på papir, på telefon eller ved å møte opp på kontoret. Alle søknader behandles likt.

## Innlogging
signin-title = Logg inn
signin-demo-explain = Bare for utprøving: velg en oppdiktet person å logge inn som. Alle personer og saker her er oppdiktet.
signin-demo-people = Oppdiktede personer
signin-as = Logg inn som { $name }
signin-person-details = Født { $born }, bor i { $kommune }
signin-not-configured = Innlogging er ikke satt opp på denne serveren ennå. Kontakt kontoret ditt for å søke.
signin-demo-heading = Demoinnlogging
signin-idporten-heading = Logg inn med ID-porten
signin-idporten-text = Du logger inn med BankID, MinID, Buypass eller Commfides. Vi bruker innloggingen bare til å vite hvem du er.
signin-idporten-text-high = Du logger inn med BankID, Buypass eller Commfides. Vi bruker innloggingen bare til å vite hvem du er.
signin-idporten-button = Logg inn med ID-porten
signin-try-again = Logg inn på nytt
signin-failed-home = Til forsiden
signin-failed-cancelled-title = Du avbrøt innloggingen
signin-failed-cancelled-text = Ingenting er lagret eller sendt. Logg inn på nytt når du er klar.
signin-failed-level-title = Innloggingen var ikke sikker nok
signin-failed-level-text = Du logget inn på et lavere sikkerhetsnivå enn en søknad om sosialhjelp krever. Logg inn på nytt med BankID, MinID med kode, Buypass eller Commfides.
signin-failed-level-text-high = Du logget inn på et lavere sikkerhetsnivå enn en søknad om sosialhjelp krever her. Logg inn på nytt med BankID, Buypass eller Commfides.
signin-failed-identity-title = Vi fikk ikke vite hvem du er
signin-failed-identity-text = Innloggingen ga oss ikke et gyldig fødselsnummer eller d-nummer, så vi kan ikke vise søknader. Prøv å logge inn på nytt.
signin-failed-interrupted-title = Innloggingen ble ikke fullført
signin-failed-interrupted-text = Det skjer når innloggingen tar for lang tid, når den er åpen i to faner, eller når du går tilbake i nettleseren underveis. Du er ikke logget inn. Start innloggingen på nytt.
signin-failed-unavailable-title = Innloggingen svarer ikke akkurat nå
signin-failed-unavailable-text = Vi får ikke kontakt med innloggingstjenesten. Prøv igjen om noen minutter.
signin-failed-help-office = Får du det ikke til, kontakt NAV-kontoret ditt. Du kan også søke på papir, på telefon eller ved å møte opp.

## Start
start-title = Søknad om økonomisk sosialhjelp
start-hello = Du er logget inn som { $name }.
start-resume-heading = Du har en søknad som ikke er sendt
start-resume-text = Søknad til { $kommune }, sist lagret { $saved }.
start-resume-button = Fortsett der du slapp
start-new-heading = Eller start en ny søknad
start-kommune-label = Hvilken kommune bor du i nå?
start-kommune-hint = Søknaden går til kontoret i kommunen der du bor nå, også om du er folkeregistrert et annet sted.
start-kommune-choose = Velg kommune
start-button = Start søknaden

## Kommune som ikke tar imot digitale søknader
closed-title = Du kan ikke søke digitalt her
closed-title-kommune = { $kommune } tar ikke imot digitale søknader nå
closed-paused = Digital søknad er satt på pause i denne kommunen. Du kan fortsatt få hjelp: ring eller møt opp på kontoret.
closed-not-digital = Denne kommunen tar ikke imot søknader om økonomisk sosialhjelp her. Ring eller møt opp på kontoret for å søke.
closed-other-ways = Du kan søke på papir, på telefon eller ved å møte opp. Har du ikke mat eller sted å sove i dag, ring med en gang.
closed-choose-other = Bor du i en annen kommune? Velg kommune på nytt

## Steg
step-progress = Steg { $current } av { $total }
step-nodhjelp-title = Trenger du hjelp i dag?
step-nodhjelp-intro = Svar ja hvis du ikke har mat i dag eller ikke har et sted å sove i natt.
step-behov-title = Hva søker du om?
step-personalia-title = Om deg
step-personalia-intro = Navnet og adressen din henter vi fra folkeregisteret.
step-bolig-title = Hvor bor du?
step-arbeid-title = Jobb og utdanning
step-familie-title = Familie
step-inntekt-title = Inntekt og penger du har
step-inntekt-intro = Skriv beløp per måned. La feltet stå tomt hvis det ikke gjelder deg.
step-utgifter-title = Utgifter
step-utgifter-intro = Skriv beløp per måned. La feltet stå tomt hvis det ikke gjelder deg.
step-konto-title = Kontonummer
step-konto-intro = Hvis du får støtte, betaler vi til denne kontoen.
step-oppsummering-title = Se over og send

nodhjelp-question = Mangler du mat eller et sted å sove i dag?
nodhjelp-nei = Nei
nodhjelp-mat = Ja, jeg har ikke mat i dag
nodhjelp-bolig = Ja, jeg har ikke et sted å sove i natt
nodhjelp-begge = Ja, jeg mangler både mat og et sted å sove
emergency-banner-heading = Ring kontoret nå
emergency-banner-text = Du har sagt at du trenger hjelp i dag. Ring { $office } på { $phone } nå. Du kan gjøre ferdig søknaden etterpå.

kategorier-question = Hva trenger du penger til?
kategorier-question-hint = Velg alt som passer.
kategori-livsopphold = Mat, klær og andre faste utgifter (livsopphold)
kategori-husleie = Husleie
kategori-strom = Strøm
kategori-mat = Mat
kategori-klaer = Klær
kategori-tannlege = Tannlege
kategori-medisiner = Medisiner
kategori-annet = Noe annet
hva_annet-label = Hva annet søker du om?
hvorfor-label = Hvorfor søker du?
hvorfor-label-hint = Fortell kort om situasjonen din. Du kan skrive med egne ord.

register-name = Navn
register-fnr = Fødselsnummer
register-address = Adresse i folkeregisteret
telefon-label = Telefonnummer (valgfritt)
telefon-label-hint = Så kontoret kan ringe deg. Vi sender aldri personlige opplysninger på SMS.
# In the summary and PDFs (the form's label says the question is optional).
summary-telefon = Telefonnummer
summary-amounts = Beløp
bor_folkeregistrert-question = Bor du på adressen din i folkeregisteret?
oppholdsadresse-label = Hvor bor du nå?
oppholdsadresse-label-hint = Adresse, eller en beskrivelse som «hos en venn i Bergen».
nordisk_borger-question = Er du statsborger i et nordisk land?

botype-question = Hvordan bor du?
botype-leier = Jeg leier
botype-kommunal = Jeg leier kommunal bolig
botype-eier = Jeg eier boligen
botype-foreldre = Jeg bor hos foreldrene mine
botype-familie = Jeg bor hos annen familie
botype-venner = Jeg bor hos venner
botype-ingen = Jeg har ikke et sted å bo
botype-krisesenter = Jeg bor på krisesenter
botype-institusjon = Jeg bor på institusjon
botype-fengsel = Jeg er i fengsel
botype-annet = Annet
antall_personer-label = Hvor mange personer bor i boligen, deg selv medregnet?

i_jobb-question = Har du jobb nå?
arbeidsgiver-label = Hvor jobber du?
stillingsprosent-label = Stillingsprosent
stillingsprosent-label-hint = Hvor mye jobber du, i prosent av full stilling (100)?
student-question = Går du på skole eller studerer du?
studentgrad-question = Studerer du på heltid eller deltid?
studentgrad-heltid = Heltid
studentgrad-deltid = Deltid

sivilstatus-question = Hva er din sivilstatus?
sivilstatus-ugift = Ugift
sivilstatus-gift = Gift eller registrert partner
sivilstatus-samboer = Samboer
sivilstatus-separert = Separert
sivilstatus-skilt = Skilt
sivilstatus-enke = Enke eller enkemann
partner-legend = Ektefelle eller samboer
partner_fornavn-label = Fornavn
partner_etternavn-label = Etternavn
partner_fnr-label = Fødselsnummer (valgfritt)
partner_fnr-label-hint = 11 siffer. Hvis du ikke vet det, la feltet stå tomt.
partner_bor_sammen-question = Bor dere sammen?
partner-name-label = Navn på ektefelle eller samboer
har_barn-question = Har du barn under 18 år som du forsørger?
barn-legend = Barn { $number }
barn-heading = Barn { $number }
barn-fornavn-label = Fornavn
barn-etternavn-label = Etternavn
barn-fodselsdato-label = Fødselsdato
barn-bor_sammen-question = Bor barnet hos deg?
barn-delt_bosted-question = Har dere avtale om delt bosted?
barn-delt_bosted-hint = Delt bosted betyr at barnet bor like mye hos begge foreldrene.
barn-samvaer-label = Hvor mye av tiden er barnet hos deg, i prosent?
barn-samvaer-hint = Skriv 0 hvis barnet ikke er hos deg.
barn-add = Legg til et barn til
barn-remove = Fjern siste barn
barnebidrag-question = Betaler eller mottar du barnebidrag?
barnebidrag-ingen = Nei
barnebidrag-mottar = Jeg mottar barnebidrag
barnebidrag-betaler = Jeg betaler barnebidrag
barnebidrag-begge = Både og

inntekt-legend = Inntekt per måned
inntekt-heading = Inntekt og penger du har
formue-legend = Penger du har nå
lonn-label = Lønn etter skatt
trygd-label = Penger fra NAV (for eksempel dagpenger, AAP eller uføretrygd)
bostotte-label = Bostøtte fra Husbanken
studielan-label = Studielån og stipend
barnebidrag_mottatt-label = Barnebidrag du mottar
annen_inntekt-label = Annen inntekt
brukskonto-label = På brukskontoen
sparekonto-label = På sparekontoen
annen_formue-label = Andre penger eller verdier (for eksempel bil eller aksjer)

utgifter-legend = Utgifter per måned
utgifter-heading = Utgifter
husleie-label = Husleie
strom-label = Strøm
kommunale_avgifter-label = Kommunale avgifter
boliglan-label = Boliglån (renter og avdrag)
barnehage-label = Barnehage
sfo-label = SFO eller AKS
annen_utgift-label = Andre faste utgifter

kontonummer-label = Kontonummeret ditt
kontonummer-label-hint = 11 siffer, for eksempel 1234 56 78903.
har_ikke_konto-label = Jeg har ikke bankkonto

## Oppsummering
summary-intro = Se over svarene dine før du sender. Du kan endre alt.
summary-edit = Endre { $step }
summary-problems-heading = Noen svar mangler eller må rettes før du kan sende
summary-documents-heading = Dokumenter kontoret trenger
summary-documents-text = Ut fra svarene dine trenger kontoret disse dokumentene. Du kan legge dem ved nå, eller sende dem etter at du har sendt søknaden.
summary-goes-to = Søknaden sendes til { $office }.
bekreft-label = Jeg bekrefter at opplysningene er riktige, og at kontoret kan kontakte meg om søknaden.

## Kvittering
receipt-title = Søknaden er sendt
receipt-sent-to = { $office } fikk søknaden din { $sent }.
receipt-reference = Referanse
receipt-sent = Sendt
receipt-emergency-heading = Ring kontoret nå
receipt-emergency-text = Du har sagt at du trenger hjelp i dag. Ring { $office } med en gang, så får du svar i dag.
receipt-next-heading = Dette skjer nå
receipt-next-documents = Send dokumentene kontoret trenger så snart du kan.
receipt-next-processing = Kontoret behandler søknaden. Det tar vanligvis opptil { $days ->
        [one] { $days } dag
       *[other] { $days } dager
    }.
receipt-next-decision = Du får et vedtak som sier om du får støtte, hvor mye og når pengene kommer.
receipt-documents-heading = Dokumenter du må sende
receipt-follow = Følg søknaden under «Mine søknader»
receipt-pdf = Last ned søknaden som PDF
pdf-title = Søknad om økonomisk sosialhjelp
pdf-applicant = Søker
pdf-office = Sendt til
pdf-page-label = Side { $page } av { $pages }

## Dokumenter (vedlegg)
doc-kontooversikt = Kontoutskrift for brukskontoen, siste måned
doc-husleiekontrakt = Husleiekontrakt
doc-faktura-husleie = Kvittering eller faktura for husleie
doc-faktura-strom = Strømregning
doc-faktura-kommunaleavgifter = Faktura for kommunale avgifter
doc-nedbetalingsplan = Nedbetalingsplan for boliglån
doc-faktura-barnehage = Faktura for barnehage
doc-faktura-sfo = Faktura for SFO eller AKS
doc-lonnslipp = Lønnsslipp, siste måned
doc-student = Vedtak om studielån og stipend
doc-bostotte = Vedtak om bostøtte
doc-barnebidrag-betaler = Dokumentasjon på barnebidrag du betaler
doc-barnebidrag-mottar = Dokumentasjon på barnebidrag du mottar
doc-samvarsavtale = Avtale om samvær eller delt bosted
doc-skattemelding = Skattemelding eller skatteoppgjør

## Feilmeldinger ved feltene
error-summary-heading = Rett opp dette før du går videre
error-required = Dette må du svare på.
error-choose = Velg ett av svarene.
error-choose-one-or-more = Velg minst ett av svarene.
error-choice-unknown = Svaret er ikke et av valgene. Velg på nytt.
error-text-too-long = Teksten er for lang. Skriv høyst { $max } tegn – det viktigste, kortere.
error-text-unreadable = Teksten inneholder tegn vi ikke kan lese. Skriv den på nytt.
error-text-direction = Teksten har skjulte tegn som endrer skriveretningen, ofte fra kopiering. Skriv teksten inn selv i stedet for å lime den inn.
error-number-format = Skriv et tall, for eksempel 2.
error-number-range = Skriv et tall mellom { $min } og { $max }.
error-date-format = Skriv en gyldig dato slik: 31.12.2015
error-belop-negative = Beløpet kan ikke være negativt. Skriv et beløp mellom 0 og { $max }.
error-belop-format = Skriv beløpet med tall, for eksempel 4500, 4 500 eller 4.500.
error-belop-too-large = Beløpet må være mellom 0 og { $max }. Sjekk at det er riktig.
error-telefon-format = Skriv et telefonnummer med 8 siffer, eller med landkode (+46 …).
error-konto-missing = Skriv kontonummeret ditt, eller kryss av for at du ikke har bankkonto.
error-konto-digits = Kontonummeret kan bare ha tall (mellomrom og punktum er lov).
error-konto-length = Kontonummeret må ha 11 siffer.
error-konto-checksum = Kontonummeret finnes ikke. Sjekk at du har skrevet alle sifrene riktig.
error-fnr-digits = Fødselsnummeret kan bare ha tall.
error-fnr-length = Fødselsnummeret må ha 11 siffer.
error-fnr-checksum = Fødselsnummeret er ikke gyldig. Sjekk sifrene.
error-fnr-date = Fødselsnummeret begynner ikke med en gyldig dato. Sjekk sifrene.
error-kommune-unknown = Velg kommunen du bor i fra listen.
error-confirm = Du må bekrefte at opplysningene er riktige før du sender.

## Feilsider
error-page-not-found = Vi finner ikke siden
error-page-bad-token = Skjemaet var for gammelt
error-page-too-large = Det du sendte var for stort
error-page-internal = Noe gikk galt hos oss
error-page-help = Svarene du allerede har lagret, er ikke borte. Søknader som ikke er sendt, slettes etter 14 dager. Gå tilbake og prøv igjen.
error-page-back = Gå til søknaden din

## Mine søknader
nav-my-applications = Mine søknader
cases-title = Mine søknader
cases-none = Du har ikke sendt noen søknader ennå.
cases-new = Start en ny søknad
cases-item-title = Søknad sendt { $date }
cases-item-tasks = Kontoret venter på dokumenter fra deg ({ $count })
case-title = Søknaden din
case-back = Tilbake til mine søknader
case-sent = Sendt { $date }.
case-stages = Hvor langt søknaden har kommet
case-status-received = Mottatt
case-status-processing = Under behandling
case-status-decided = Ferdig behandlet
case-status-not-processed = Blir ikke behandlet
case-status-received-text = Kontoret har fått søknaden din. Du får vanligvis svar innen { $date }.
case-status-processing-text = En saksbehandler jobber med søknaden din. Du får vanligvis svar innen { $date }.
case-status-decided-text = Kontoret har gjort et vedtak. Se hva det betyr for deg nedenfor.
case-status-not-processed-text = Kontoret behandler ikke denne søknaden. Ring kontoret hvis du lurer på hvorfor.
case-preliminary = Kontoret har sendt deg et foreløpig svar: det tar lengre tid enn vanlig å behandle søknaden.
case-tasks-heading = Dette må du gjøre
case-tasks-text = Kontoret trenger disse dokumentene for å behandle søknaden din.
case-task-deadline = send innen { $date }
case-decisions-heading = Vedtak
case-decision-pending = ikke avgjort ennå
case-decision-granted = innvilget { $date }
case-decision-partly = delvis innvilget { $date }
case-decision-refused = avslått { $date }
case-decision-rejected = avvist { $date }
case-decision-made = vedtak gjort { $date }
case-payments-heading = Utbetalinger
case-payment-paid = utbetalt { $date }
case-payment-planned = kommer { $date }
case-payment-stopped = stoppet
case-conditions-heading = Vilkår du må følge
case-timeline-heading = Dette har skjedd
case-looked-heading = Hvem har sett søknaden din
case-looked-none = Ingen saksbehandlere eller systemer har åpnet søknaden ennå.
audit-read-application = hentet søknaden
audit-acknowledge = bekreftet at søknaden er mottatt
audit-update-status = oppdaterte status
case-pdf = Se søknaden du sendte (PDF)
event-received = Søknaden ble mottatt.
event-processing = Kontoret begynte å behandle søknaden.
event-done = Søknaden er ferdig behandlet.
event-not-processed = Kontoret behandler ikke søknaden.
event-office = Søknaden ble sendt til { $office }.
event-office-unknown = et annet NAV-kontor ({ $office })
event-decision-granted = Vedtak: søknaden er innvilget.
event-decision-partly = Vedtak: søknaden er delvis innvilget.
event-decision-refused = Vedtak: søknaden er avslått.
event-decision-rejected = Vedtak: søknaden er avvist.
event-decision = Kontoret gjorde et vedtak.
event-documents-requested = { $count ->
    [one] Kontoret ba om ett dokument.
   *[other] Kontoret ba om { $count } dokumenter.
}
event-preliminary = Kontoret sendte et foreløpig svar.
event-paid = { $amount } ble utbetalt.
event-payment-planned = Utbetaling av { $amount } ble planlagt.
event-payment-stopped = Utbetaling av { $amount } ble stoppet.

## Ettersending av dokumenter
upload-title = Send dokumenter
upload-intro = Dokumentene sendes til søknaden din med referanse { $reference }. Du trenger ikke sende en ny søknad.
upload-how = Ta bilde av hver side, eller velg PDF-filer. Sider av samme dokument blir til én PDF, i den rekkefølgen du velger dem.
upload-field-hint = Velg ett eller flere bilder eller PDF-er (høyst { $mb } MB hver).
upload-other = Andre dokumenter
upload-button = Send dokumentene
upload-error-none = Du har ikke valgt noen filer.
upload-error-too-many = Det er for mange eller for store filer. Send høyst { $files ->
        [one] { $files } fil
       *[other] { $files } filer
    } og { $total_mb } MB om gangen.
upload-error-interrupted = Sendingen ble avbrutt. Ingenting er lagret. Prøv igjen.
upload-error-empty = { $file } er tom.
upload-error-too-large = { $file } er større enn { $mb } MB. Ta bildet på nytt med lavere oppløsning, eller del PDF-en.
upload-error-not-an-image = { $file } er ikke et bilde eller en PDF vi kan lese.
upload-error-heic = { $file } er et HEIC-bilde, som vi ikke kan lese ennå. Send det som JPEG: på iPhone velger du Innstillinger → Kamera → Formater → Mest kompatibel og tar bildet på nytt, eller sender en kopi lagret som JPEG.
upload-error-unsupported-type = { $file } har et filformat vi ikke tar imot. Send JPEG, PNG eller PDF.
upload-error-too-many-pixels = { $file } er et altfor stort bilde. Ta bildet på nytt med vanlig kamera.
upload-error-broken-image = { $file } er ødelagt eller bare delvis lastet opp. Prøv igjen.
upload-error-encrypted-pdf = { $file } må ha passord for å åpnes. Åpne den, velg «Skriv ut → Lagre som PDF», og send den nye filen. Eller last den ned på nytt uten passord.
upload-error-broken-pdf = { $file } er en ødelagt PDF. Prøv å lagre den på nytt.
upload-error-unreadable = { $file } kunne ikke leses. Prøv igjen, eller send et bilde.
case-send-documents = Send dokumenter
case-documents-heading = Dokumenter du har sendt
case-documents-none = Du har ikke sendt dokumenter ennå.
case-document-sent = sendt { $date }
case-back-to-case = Tilbake til søknaden
case-decision-letter = Les vedtaket (PDF)
case-letters-heading = Brev fra kontoret
case-letter-sent = Sendt { $date }
case-letter-opened = Du åpnet det { $date }
case-letter-unopened = Du har ikke åpnet det ennå
upload-all-documents = Send andre dokumenter også
audit-read-application-pdf = hentet søknaden som PDF
audit-read-submissions = hentet dokumentene du har sendt
audit-read-file = åpnet et dokument
audit-read-letter = åpnet et brev fra kontoret
audit-file-letter = la et brev til deg i saken
error-page-unavailable = Vi får ikke lagret akkurat nå. Ingenting er sendt, og det du har skrevet er tatt vare på. Prøv igjen om et par minutter. Haster det, ring kontoret.
error-page-too-many = For mange forsøk på kort tid – vent litt
attach-title = Legg ved dokumenter
attach-back = Tilbake til oppsummeringen
attach-intro = Ta bilde av dokumentene eller velg filer. Du ser hver side før du sender. Har du ikke dokumentet nå, kan du sende det senere.
attach-other-why = Andre dokumenter du vil at kontoret skal se.
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
attach-camera = Ta bilde med kameraet
attach-files = Eller velg bilder eller PDF-er
attach-add = Legg ved { $document }
attach-choice-legend = Har du ikke dokumentet nå?
attach-choice-later = Jeg sender det senere eller på papir
attach-choice-before = Kontoret har det allerede
attach-choice-save = Lagre valget
attach-done = Ferdig med dokumentene
attach-error-duplicate = { $file } er allerede lagt ved under { $document }.
attach-error-full = { $file } ble ikke lagt ved: du kan legge ved høyst { $files ->
        [one] { $files } fil
       *[other] { $files } filer
    } og { $total_mb } MB til sammen. Send resten etter at du har sendt søknaden.
summary-documents-link = Legg ved eller endre dokumenter
summary-document-uploaded = lagt ved
summary-document-before = kontoret har det allerede
summary-document-later = sendes senere
attach-error-convert = Vi klarte ikke å lage én PDF av sidene til dette dokumentet. Fjern sidene og legg dem ved på nytt.

## Ansatte
staff-title = Velferd for ansatte
staff-signed-in-as = Du er logget inn som { $name }.
staff-office = Kontor
staff-roles = Roller
staff-role-saksbehandler = Saksbehandler
staff-role-leder = Leder
staff-role-kontaktsenter = Kontaktsenter
staff-refused-title = Du har ikke tilgang til Velferd
staff-refused-role-text = Brukeren din har ingen rolle i Velferd. Be den som gir tilganger i kommunen om rollen saksbehandler, leder eller kontaktsenter, og logg inn på nytt.
staff-refused-office-text = Brukeren din er ikke knyttet til et NAV-kontor som Velferd kjenner. Be den som gir tilganger i kommunen om å registrere kontoret ditt, og logg inn på nytt.
staff-signin-not-configured = Innlogging for ansatte er ikke satt opp på denne serveren.
staff-signed-out-title = Du er logget ut
staff-signed-out-text = Du er logget ut av Velferd. Bruker du en delt datamaskin, lukk nettleseren.
staff-sign-in-again = Logg inn igjen

# Caseworker pages and protected persons
staff-role-fortrolig = Tilgang til personer med fortrolig adresse
staff-cases-link = Søknader til kontoret
staff-no-case-access = Rollen din gir ikke tilgang til sakene. Kontaktsenteret får en egen oversikt senere.
staff-back-home = Tilbake til forsiden for ansatte
staff-cases-title = Søknader til kontoret
staff-cases-office = Søknader sendt til { $office }. Søknader om nødhjelp står først, deretter de nyeste.
staff-cases-none = Kontoret har ikke fått noen søknader ennå.
staff-cases-caption = Søknader, nødhjelp først
staff-cases-received = Mottatt
staff-cases-status = Status
staff-emergency = Nødhjelp
staff-protected-6 = Strengt fortrolig adresse (kode 6)
staff-protected-7 = Fortrolig adresse (kode 7)
staff-case-title = Søknad { $reference }
staff-case-heading = Søknad
staff-footer-text = Velferd for ansatte. Alt du ser og gjør her, blir logget. Spørsmål om tilgang: spør lederen ved kontoret.
staff-case-back = Tilbake til søknadene
staff-case-received = Mottatt { $date }.
staff-case-applied-in = Søknaden er skrevet på { $language }; brev går på det språket hvis du ikke velger et annet.
staff-case-emergency-text = søkeren har ikke mat eller et sted å sove i dag. Ta kontakt i dag.
staff-case-protected-text = adressen vises ikke og skrives ikke ut. Ikke gi opplysninger om hvor personen bor.
staff-case-applicant = Søker
staff-case-answers = Svarene i søknaden
staff-case-pdf = Søknaden som PDF
staff-case-documents-none = Søkeren har ikke sendt dokumenter ennå.
staff-case-documents = Dokumenter søkeren har sendt
staff-case-letter-opened = Søkeren åpnet det { $date }
staff-case-letter-unopened = Søkeren har ikke åpnet det ennå
staff-event-documents-sent = { $count ->
    [one] Søkeren sendte ett dokument.
   *[other] Søkeren sendte { $count } dokumenter.
}
staff-inbox-none = Ingen søknader passer til dette utvalget.
staff-demo-title = Demoinnlogging for ansatte
staff-demo-explain = Bare for utprøving: velg en oppdiktet ansatt å logge inn som. Alle personer og saker her er oppdiktet.
staff-demo-people = Oppdiktede ansatte
staff-demo-details = { $office } · { $roles }
signin-demo-staff = Vil du se hvordan saksbehandlerne jobber? Logg inn som ansatt
error-page-forbidden = Du har ikke tilgang til denne siden
error-page-staff-help = Gå tilbake og prøv igjen. Mener du at du skal ha tilgang, spør den som gir tilganger i kommunen.
error-page-staff-back = Til forsiden for ansatte

helper-acting-for = Du ser denne søknaden fordi { $name } har gitt deg fullmakt. Du ser bare det fullmakten gjelder.
helper-heading = Noen som hjelper deg
helper-text = Du kan gi en du stoler på (familie, verge, en som hjelper deg) lov til å følge denne søknaden. Personen ser status, hva kontoret ber om, vedtak og utbetalinger – ikke svarene dine, dokumentene eller brevene dine. Du kan trekke fullmakten tilbake når som helst.
helper-revoke = Trekk tilbake
helper-add = Gi noen fullmakt
helper-name = Navnet til personen
helper-fnr = Fødselsnummeret til personen
helper-fnr-hint = 11 siffer. Personen logger inn som seg selv og finner søknaden under «Mine søknader».
helper-period = Hvor lenge skal fullmakten gjelde?
helper-months-1 = 1 måned
helper-months-3 = 3 måneder
helper-months-6 = 6 måneder
helper-months-12 = 12 måneder
helper-may-send = Personen kan også sende dokumenter til søknaden for meg
helper-give = Gi fullmakt
helper-scope-follow = Kan følge søknaden
helper-scope-documents = Kan følge søknaden og sende dokumenter
helper-until = Gjelder til { $date }
helper-expired = Gikk ut { $date }
helper-revoked = Trukket tilbake { $date }
helper-error-self = Du kan ikke gi fullmakt til deg selv.
helper-error-fnr = Fødselsnummeret er ikke riktig. Sjekk at du har skrevet alle 11 sifrene.
helping-heading = Søknader du hjelper med
helping-text = Disse personene har gitt deg fullmakt til å følge søknaden sin.
helping-item-title = Søknaden til { $name }, sendt { $date }
audit-helper-view = så på saken din (fullmakt)
audit-helper-send-documents = sendte dokumenter for deg (fullmakt)
attach-file-alt = Fil { $number } av { $document } (PDF, { $count ->
    [one] én side
   *[other] { $count } sider
})
error-page-not-in-register = Vi finner deg ikke i folkeregisteret, så søknaden kan ikke sendes herfra. Svarene dine er lagret. Ring NAV-kontoret ditt, så hjelper de deg.

## The office's work on a case (caseworker workspace)
staff-role-veileder = Veileder
staff-role-beslutter = Beslutter
office-refused-case-system = Kommunens eget fagsystem har denne saken. Gjør endringene der, så vises de her.
office-refused-closed = Saken er avsluttet. Du kan skrive interne notater, men ikke endre saken.
office-refused-already-processing = Saken er allerede under behandling.
office-refused-date = Skriv datoen som dd.mm.åååå, for eksempel 07.12.2026.
office-refused-date-past = Datoen kan ikke være tilbake i tid. Velg i dag eller en senere dag.
office-refused-date-far = Datoen kan være høyst 90 dager fram i tid.
office-refused-too-long = Teksten er for lang. Den kan ha høyst 10 000 tegn for notater og 2 000 tegn for meldinger og begrunnelser.
office-refused-unreadable = Teksten har tegn som ikke kan leses. Skriv den inn på nytt.
office-refused-direction = Teksten har skjulte tegn som endrer skriveretningen (ofte fra kopiering). Skriv den inn på nytt i stedet for å lime den inn.
office-refused-empty = Skriv noe her før du lagrer.
office-refused-assignee = Saken kan bare gis til en saksbehandler ved kontoret som har saken.
office-refused-document-type = Velg dokumenter fra listen, eller skriv dokumentet med egne ord.
office-refused-no-documents = Velg minst ett dokument, eller skriv hvilket dokument du trenger.
office-refused-unknown-action = Vi skjønte ikke hva du ville gjøre. Prøv igjen.
event-documents-sent = { $count ->
    [one] Du sendte ett dokument.
   *[other] Du sendte { $count } dokumenter.
}
case-answered-heading = Dette har du sendt
case-task-sent = sendt { $date }
case-task-promised = du sa at dette kommer senere
letter-to = Til: { $name }
letter-from = Fra: { $office }
letter-date = Dato: { $date }
letter-reference = Søknad: { $reference }
letter-page = Side {"{"}page{"}"} av {"{"}pages{"}"}
letter-contact-heading = Spørsmål
letter-contact-text = Ring { $office } på { $phone } hvis du har spørsmål eller trenger hjelp.
letter-signed = Med vennlig hilsen { $caseworker }, { $office }
letter-request-title = Vi trenger flere dokumenter
letter-request-summary = { $count ->
    [one] Send dette dokumentet innen { $date }:
   *[other] Send disse { $count } dokumentene innen { $date }:
}
letter-request-note = Melding fra saksbehandleren
letter-request-what = Dette må du gjøre
letter-request-how-heading = Slik sender du
letter-request-how = Logg inn og åpne søknaden din under «Mine søknader». Trykk på dokumentet, ta bilde av det eller velg filen, og send. Du kan også levere dokumentene på kontoret.
letter-request-late-heading = Hvis du ikke rekker fristen
letter-request-late = Ring oss før { $date } hvis du trenger mer tid eller ikke har dokumentet. Kommer ikke dokumentene, kan vi måtte avgjøre søknaden med de opplysningene vi har.
letter-preliminary-title = Foreløpig svar på søknaden din
letter-preliminary-heading = Det tar lengre tid enn vanlig
letter-preliminary-summary = Vi har ikke rukket å behandle søknaden din ennå. Du får svar innen { $date }.
letter-preliminary-reason = Hvorfor det tar tid
letter-preliminary-law = Vi sender dette svaret fordi forvaltningsloven § 11 a sier at du skal få et foreløpig svar når en søknad ikke kan besvares innen en måned.
letter-not-processed-title = Søknaden din blir ikke behandlet
letter-not-processed-heading = Hva dette betyr for deg
letter-not-processed-summary = Vi kommer ikke til å behandle denne søknaden.
letter-not-processed-reason = Begrunnelse
letter-not-processed-next-heading = Hva du kan gjøre
letter-not-processed-next = Du kan sende en ny søknad når som helst. Er du uenig, kan du ringe oss eller klage. Har du ikke mat eller et sted å sove i dag, ring kontoret nå.
staff-inbox-office = Søknader til { $office }. Søknader om nødhjelp står først, deretter de som har ventet lengst.
staff-inbox-filters = Vis søknader
staff-inbox-search = Søk
staff-inbox-search-hint = Referanse (VF-…), fødselsnummer eller navn
staff-inbox-search-button = Søk
staff-inbox-assignee = Saksbehandler
staff-inbox-unassigned = Ingen ennå
staff-inbox-waiting-for = Venter på
staff-inbox-overdue = fristen er ute
staff-inbox-near-limit = Nær fristen på én måned uten vedtak (forvaltningsloven § 11 a): send foreløpig svar.
staff-inbox-pages = Sider
staff-inbox-previous = Forrige side
staff-inbox-next = Neste side
staff-inbox-documents = { $count ->
    [one] ett dokument
   *[other] { $count } dokumenter
}
staff-inbox-documents-deadline = { $documents }, frist { $date }
staff-inbox-showing = Viser: { $filter }, side { $page }.
staff-filter-open = Åpne
staff-filter-new = Nye
staff-filter-mine = Mine
staff-filter-unassigned = Uten saksbehandler
staff-filter-overdue = Dokumentfrist ute
staff-filter-near-limit = Nær fristen på én måned
staff-filter-all = Alle, også avsluttede
staff-waited-days = { $days ->
    [0] i dag
    [one] 1 dag
   *[other] { $days } dager
}
staff-case-waited = { $days ->
    [0] Kom inn i dag.
    [one] Har ventet 1 dag.
   *[other] Har ventet { $days } dager.
}
staff-case-conflict = Noen andre endret saken mens du hadde den åpen. Se hva som er nytt nedenfor. Det du skrev er tatt vare på; send det igjen hvis det fortsatt passer.
staff-case-case-system = Kommunens eget fagsystem har denne saken. Status, vedtak og brev kommer derfra; her kan du lese saken, ta den og skrive interne notater.
staff-case-assign-me = Ta saken
staff-case-unassign = Slipp saken
staff-case-take = Start behandlingen
staff-case-assign-colleague = Gi saken til en kollega
staff-case-colleague = Kollega
staff-case-assign = Gi saken videre
staff-case-actions = Handlinger
staff-case-request = Be om dokumenter
staff-case-request-documents = Dokumenter søkeren skal sende
staff-case-request-other = Annet dokument (skriv med egne ord)
staff-case-request-note = Melding til søkeren (valgfritt)
staff-case-request-note-hint = Står i brevet. Skriv enkelt; søkeren ser det.
staff-case-request-deadline = Frist
staff-case-request-deadline-hint = Vanligvis 7 dager. Skriv dd.mm.åååå hvis du ikke får velge dato.
staff-case-request-send = Send forespørsel og brev
staff-case-letter-language = Språk i brevet
staff-case-preliminary = Send foreløpig svar
staff-case-preliminary-date = Når får søkeren svar?
staff-case-preliminary-reason = Hvorfor tar det tid? (valgfritt)
staff-case-preliminary-send = Send foreløpig svar
staff-case-sak = Opprett sak
staff-case-sak-title = Hva saken gjelder
staff-case-sak-hint = For eksempel «Livsopphold desember» eller «Depositum». Søkeren ser tittelen.
staff-case-sak-open = Opprett sak
staff-case-not-processed = Søknaden skal ikke behandles
staff-case-not-processed-reason = Begrunnelse
staff-case-not-processed-hint = For eksempel at søknaden er sendt to ganger eller trukket. Står i brevet til søkeren.
staff-case-not-processed-send = Avslutt uten behandling
staff-case-journal = Interne notater
staff-case-journal-hint = Bare ansatte ved kontoret ser notatene. Et notat kan ikke endres; skriv et nytt for å rette.
staff-case-note = Nytt notat
staff-case-note-save = Lagre notat
staff-case-requests = Dokumenter kontoret har bedt om
staff-case-requests-none = Kontoret har ikke bedt om dokumenter.
staff-case-request-answered = sendt { $date }
staff-case-request-overdue = ikke sendt, fristen { $date } er ute
staff-case-request-open = ikke sendt ennå, frist { $date }
staff-case-merged = Alle dokumentene i én PDF
staff-case-letters = Brev
staff-case-letters-none = Ingen brev i saken ennå.
staff-case-document-with-application = sendt med søknaden { $date }
staff-case-document-later = sendt senere { $date }
staff-journal-note = { $name }: { $text }
staff-journal-assigned = { $name } ga saken til { $to }.
staff-journal-took = { $name } tok saken.
staff-journal-unassigned = { $name } slapp saken.
staff-journal-requested = { $name } ba om: { $documents }.
staff-journal-not-processed = { $name } avsluttet uten behandling: { $text }
staff-journal-processing = { $name } startet behandlingen.
staff-journal-preliminary = { $name } sendte foreløpig svar: svar innen { $date }.
staff-journal-sak = { $name } opprettet saken «{ $title }».
staff-done-behandle = Søknaden er under behandling. Søkeren ser det nå.
staff-done-tildel = Saken er tildelt.
staff-done-slipp = Du har sluppet saken.
staff-done-notat = Notatet er lagret.
staff-done-etterspor = Forespørselen og brevet er sendt. Søkeren ser dem nå.
staff-done-forelopig = Det foreløpige svaret er sendt.
staff-done-sak = Saken er opprettet.
staff-done-behandles-ikke = Søknaden er avsluttet uten behandling, og brevet er sendt.
staff-merged-title = Dokumenter i søknad { $reference }
staff-merged-count = { $count ->
    [one] Ett dokument.
   *[other] { $count } dokumenter.
}
audit-list-applications = så på søknadslisten
audit-search-applications = søkte etter deg
audit-take-into-processing = begynte å behandle søknaden
audit-assign = tok saken
audit-unassign = slapp saken
audit-write-note = skrev et internt notat
audit-request-documents = ba om dokumenter
audit-preliminary-answer = sendte et foreløpig svar
audit-open-sak = opprettet en sak
audit-will-not-process = avsluttet søknaden uten behandling
# The emergency notice on the case page
case-emergency-text = Du har sagt at du trenger hjelp i dag. Ring { $office } på { $phone } nå, så får du svar i dag.
helper-emergency-text = { $name } har sagt at hen trenger hjelp i dag. Ring { $office } på { $phone } nå, så får { $name } svar i dag.
# The start page offers a way to one's applications; drafts under "My applications"
home-mine-heading = Har du søkt før?
home-mine-text = Under «Mine søknader» ser du søknadene du har sendt, hva kontoret venter på fra deg, og søknader du har begynt på og ikke sendt.
home-mine-sign-in = Logg inn og se søknadene dine
home-mine-open = Gå til «Mine søknader»
cases-drafts-heading = Ikke sendt ennå
cases-draft-title = Søknad til { $kommune }
cases-draft-saved = Sist lagret { $saved }.
cases-draft-continue = Fortsett
cases-sent-heading = Sendte søknader
# The receipt: each expected document with what the citizen did about it
receipt-documents-done-heading = Dokumenter i søknaden
receipt-documents-how = Du sender dem under «Mine søknader» → søknaden → «Send dokumenter». Du trenger ikke sende en ny søknad.
document-state-attached = lagt ved
document-state-office-has-it = kontoret har det allerede
document-state-to-send = sendes senere
# Who has looked: one line per person and day
case-looked-times = { $action } ({ $count ->
        [one] { $count } gang
       *[other] { $count } ganger
    })
# A helper's pages speak of the person they help
helper-case-title = Søknaden til { $name }
helper-case-status-received-text = Kontoret har fått søknaden til { $name }. { $name } får vanligvis svar innen { $date }.
helper-case-status-processing-text = En saksbehandler jobber med søknaden til { $name }. { $name } får vanligvis svar innen { $date }.
helper-case-status-decided-text = Kontoret har gjort et vedtak i saken til { $name }. Se hva det betyr nedenfor.
helper-case-status-not-processed-text = Kontoret behandler ikke søknaden til { $name }. Ring kontoret hvis dere lurer på hvorfor.
helper-case-preliminary = Kontoret har sendt { $name } et foreløpig svar: det tar lengre tid enn vanlig å behandle søknaden.
helper-case-tasks-heading = Dette venter kontoret på fra { $name }
helper-case-tasks-text = Kontoret trenger disse dokumentene for å behandle søknaden til { $name }.
helper-case-answered-heading = Dette er sendt til søknaden til { $name }
helper-case-conditions-heading = Vilkår { $name } må følge
helper-event-documents-sent = { $count ->
    [one] Ett dokument ble sendt til søknaden.
   *[other] { $count } dokumenter ble sendt til søknaden.
}
helper-upload-intro = Dokumentene sendes til søknaden til { $name } med referanse { $reference }. Det trengs ingen ny søknad.
helper-sent-title = Dokumentene er sendt
helper-sent-text = { $count ->
    [one] Du sendte ett dokument til søknaden til { $name } { $date }:
   *[other] Du sendte { $count } dokumenter til søknaden til { $name } { $date }:
}
helper-sent-next = Kontoret ser dokumentene i saken til { $name }, og { $name } ser dem under «Mine søknader».
helper-back-to-case = Tilbake til søknaden til { $name }
# Sending documents later: files are kept with previews until sending
upload-kept-note = Filene som kunne brukes, er tatt vare på og vises nedenfor. Velg en ny fil bare der det står hva som er galt.
upload-kept-heading = Valgt og klart til å sendes:
upload-kept-count = { $count ->
    [one] Én fil er valgt og klar til å sendes.
   *[other] { $count } filer er valgt og klare til å sendes.
}
upload-add-button = Legg til filene uten å sende
helper-upload-title = Send dokumenter for { $name }
# Every answer soknad.json carries in the summary: the partner's number, where each child lives
summary-partner-fnr = Fødselsnummeret til ektefelle eller samboer
summary-barn-bor-sammen = Barn { $number } bor hos deg
summary-barn-delt-bosted = Barn { $number } har delt bosted
summary-barn-samvaer = Barn { $number } er hos deg
# The case page: what the citizen told the office about documents
case-told-heading = Dette sa du om dokumentene
case-told-text = Da du sendte søknaden, sa du dette om dokumentene kontoret trenger:
case-told-warnings = Vi sa fra at disse sidene kanskje ikke kan leses:
case-told-warning = { $document }, side { $number } ({ $file }): { $warning }
# KID on a third party's invoice (ids::Kid)
error-kid-format = KID kan bare ha tall, og en bindestrek helt til slutt.
error-kid-length = KID må ha mellom 2 og 25 tegn.
error-kid-checksum = Denne KID-en finnes ikke. Sjekk at du har skrevet alle sifrene riktig, slik de står på fakturaen.
# The calculation (calculation.rs): lines for the caseworker
calc-line-adult-single = Livsopphold, enslig
calc-line-adult-couple = Livsopphold, ektepar/samboere
calc-line-adult-shared = Livsopphold, person i bofellesskap
calc-line-child = Livsopphold, barn { $age } år (sats { $from }–{ $to } år)
calc-line-household = Felles husholdningsutgifter, { $persons } personer
calc-line-housing = Boutgift: { $label }
calc-line-electricity = Strøm og oppvarming: { $label }
calc-line-expense = Annen godkjent utgift: { $label }
calc-line-income-work = Inntekt, arbeid: { $label }
calc-line-income-benefit = Inntekt, trygd eller pensjon: { $label }
calc-line-income-housing-allowance = Inntekt, bostøtte: { $label }
calc-line-income-child-support = Inntekt, barnebidrag: { $label }
calc-line-income-other = Annen inntekt: { $label }
# The calculation in plain words for the citizen
calc-citizen-adult-single = Til mat, klær og andre daglige utgifter for deg
calc-citizen-adult-couple = Til mat, klær og andre daglige utgifter for dere to
calc-citizen-adult-shared = Til mat, klær og andre daglige utgifter for deg, som deler bolig med andre
calc-citizen-child = Til daglige utgifter for barnet ditt som er { $age } år
calc-citizen-household = Til utgifter dere deler i husholdningen ({ $persons } personer)
calc-citizen-housing = Til bolig: { $label }
calc-citizen-electricity = Til strøm: { $label }
calc-citizen-expense = Til: { $label }
calc-citizen-income = Penger du får: { $label }
calc-refused-no-rates = Det finnes ingen satser for denne datoen. Kontakt den som har ansvar for satsene.
calc-refused-child-age = Satsene for barn gjelder til og med 17 år. Regn eldre barn som voksne.
calc-refused-household-size = Satsene har ingen sats for så mange personer i husholdningen.
calc-refused-child-benefit = Barnetrygd regnes ikke som inntekt (sosialtjenesteloven § 18 tredje ledd). Fjern linjen.
calc-refused-zero = Beløpet må være mer enn 0 kr.
calc-refused-too-many = Utregningen kan ha høyst 40 linjer av hvert slag.
calc-refused-too-large = Summen blir for stor. Sjekk at beløpene er riktige.
calc-refused-amount = Skriv beløpet i kroner, for eksempel 12 500 eller 1 200,50.
calc-refused-override-reason = Skriv hvorfor du endrer beløpet fra utregningen.
calc-warning-rates-unchecked = Satsene er ikke kontrollert mot kilden ({ $source }). Sjekk dem før du bruker utregningen.
calc-warning-rates-old = Satsene er fra { $valid_from } og er mer enn ett år gamle. Nyere satser mangler.
# Decisions (vedtak.rs)
vedtak-outcome-granted = Innvilget
vedtak-outcome-partly-granted = Delvis innvilget
vedtak-outcome-refused = Avslått
vedtak-outcome-dismissed = Avvist
vedtak-stage-draft = Utkast
vedtak-stage-awaiting = Venter på godkjenning
vedtak-stage-returned = Sendt tilbake med kommentar
vedtak-stage-approved = Vedtatt
payment-status-planned = Planlagt
payment-status-paid = Utbetalt
payment-status-stopped = Stoppet
vedtak-refused-not-processing = Saken må være under behandling før du kan fatte vedtak.
vedtak-refused-own = Du kan ikke godkjenne eller sende tilbake ditt eget vedtak. En annen beslutter må gjøre det.
vedtak-refused-not-beslutter = Bare en beslutter eller leder kan godkjenne vedtak.
vedtak-refused-locked = Vedtaket er sendt til godkjenning eller fattet, og kan ikke endres.
vedtak-refused-not-author = Bare den som skrev vedtaket, kan sende det til godkjenning eller trekke det tilbake.
vedtak-refused-not-awaiting = Vedtaket venter ikke på godkjenning.
vedtak-refused-not-approved = Vedtaket er ikke fattet ennå.
vedtak-refused-no-hjemmel = Velg minst én hjemmel.
vedtak-refused-unknown-hjemmel = Velg hjemmel fra listen.
vedtak-refused-payment-without-grant = Et vedtak som ikke innvilger noe, kan ikke ha utbetalinger.
vedtak-refused-conditions-without-grant = Et vedtak som ikke innvilger noe, kan ikke ha vilkår eller dokumentasjonskrav.
vedtak-refused-vilkar-hjemmel = Vedtak med vilkår må ha sosialtjenesteloven § 20 eller § 20 a som hjemmel.
vedtak-refused-duplicate-reference = To utbetalinger, vilkår eller krav har samme referanse.
vedtak-refused-unknown-payment = Vilkåret eller kravet gjelder en utbetaling som ikke finnes i vedtaket.
vedtak-refused-payment-zero = Utbetalingen må være mer enn 0 kr.
vedtak-refused-payment-too-large = Utbetalingen kan være høyst 500 000 kr. Sjekk beløpet.
vedtak-refused-payment-due-past = Forfallsdatoen kan ikke være tilbake i tid.
vedtak-refused-payment-due-far = Forfallsdatoen kan være høyst ett år fram i tid.
vedtak-refused-payment-period = Perioden kan ikke slutte før den begynner.
vedtak-refused-payment-not-planned = Utbetalingen er allerede utbetalt eller stoppet.
# Appeals (klage)
klage-in-time = Klagen kom innen fristen ({ $deadline }).
klage-late = Klagen kom etter fristen ({ $deadline }), { $days ->
    [one] én dag for sent.
   *[other] { $days } dager for sent.
}
klage-late-reason-asked = Klagen er mottatt, men kom for sent. Fortell oss hvorfor, så vurderer vi om den kan behandles likevel.

## Workspace II: decisions and payments

staff-filter-awaiting-approval = Til godkjenning hos meg
staff-filter-returned = Returnert til meg
staff-case-decide-heading = Utregning, vedtak og utbetalinger
staff-case-decide-text = Regn ut stønaden, skriv vedtaket, send det til godkjenning og følg utbetalingene.
staff-case-decide-link = Gå til utregning og vedtak
staff-journal-calculation = { $name } lagret en utregning: { $amount }.
staff-journal-decision-draft = { $name } lagret et utkast til vedtak.
staff-journal-decision-submitted = { $name } sendte vedtaket til godkjenning.
staff-journal-decision-returned = { $name } sendte vedtaket tilbake: { $text }
staff-journal-decision-made = { $name } fattet vedtaket: { $outcome }.
staff-journal-payment-planned = { $name } planla en utbetaling: { $text }.
staff-journal-payment-paid = { $name } markerte en utbetaling som utbetalt: { $text }.
staff-journal-payment-stopped = { $name } stoppet en utbetaling: { $text }.
calc-refused-adults = Velg hvordan de voksne i husstanden bor.
calc-refused-child-format = Skriv alderen til hvert barn med tall, skilt med komma, for eksempel 4, 12.
vedtak-refused-outcome = Velg utfall.
vedtak-refused-unknown-sak = Velg en sak fra listen, eller en ny sak.
vedtak-refused-period-dates = Skriv både første og siste dag i perioden, eller ingen av dem.
vedtak-refused-paid-future = Datoen for utbetalingen kan ikke være fram i tid.
letter-vedtak-title = Vedtak om økonomisk stønad
letter-vedtak-summary-heading = Kort fortalt
letter-vedtak-outcome-granted = Du får stønad: { $sak }.
letter-vedtak-outcome-partly-granted = Du får en del av det du søkte om: { $sak }.
letter-vedtak-outcome-refused = Du får ikke stønad: { $sak }.
letter-vedtak-outcome-dismissed = Vi har ikke behandlet søknaden din om { $sak }, se begrunnelsen under.
letter-vedtak-payment = { $amount } til { $to }, utbetales { $due }: { $what }
letter-vedtak-to-you = deg (konto { $account })
letter-vedtak-todo-heading = Dette må du gjøre
letter-vedtak-todo-none = Du trenger ikke gjøre noe nå.
letter-vedtak-condition = Vilkår: { $title }
letter-vedtak-requirement = Send oss { $title } innen { $date }.
letter-vedtak-requirement-no-date = Send oss { $title }.
letter-vedtak-calculation-heading = Slik har vi regnet
letter-vedtak-calculation-total = Dette får du
letter-vedtak-reasons-heading = Begrunnelse
letter-vedtak-hjemmel-heading = Vedtaket bygger på
letter-vedtak-appeal-heading = Hvis du er uenig: klage
letter-vedtak-appeal = Du kan klage på vedtaket innen { $date } (tre uker etter at du fikk det). Send klagen til { $office }.
letter-vedtak-appeal-how = Skriv hva du er uenig i og hvorfor. Du kan klage under «Mine søknader» på nettsiden, sende brev eller komme innom { $office }. Hvis vi ikke endrer vedtaket, sender vi klagen til Statsforvalteren, som avgjør den.
letter-vedtak-documents = Du har rett til å se dokumentene i saken din (forvaltningsloven § 18). Spør oss, så får du dem.
decide-title = Utregning og vedtak { $reference }
decide-back = Tilbake til saken
decide-heading = Utregning og vedtak
decide-calc-heading = Utregning
decide-calc-none = Det er ikke regnet ut noe ennå.
decide-calc-edit = Regn ut
decide-calc-line = Linje
decide-calc-amount = Per måned
decide-calc-need = Behov i alt
decide-calc-income = Inntekt i alt
decide-calc-proposed = Foreslått stønad
decide-calc-overridden = Saksbehandler har satt stønaden til { $amount }.
decide-calc-by = Lagret av { $name } { $date }.
decide-calc-rates = Satser: { $source }, gjelder fra { $date }
decide-calc-section-sats = sats
decide-calc-section-utgift = utgift
decide-calc-section-inntekt = inntekt
decide-calc-adults = Voksne i husstanden
decide-adults-single = Enslig
decide-adults-couple = Ektepar eller samboere
decide-adults-shared = Bor i bofellesskap
decide-calc-children = Barn (alder)
decide-calc-children-hint = Alderen til hvert barn, skilt med komma, for eksempel 4, 12. La feltet stå tomt hvis det ikke er barn.
decide-calc-expenses = Godkjente utgifter per måned
decide-calc-expense-row = Utgift { $number }
decide-calc-income-rows = Inntekter per måned
decide-calc-income-row = Inntekt { $number }
decide-calc-kind = Type
decide-calc-text = Hva det er
decide-calc-row-amount = Beløp i kroner
decide-expense-housing = Bolig
decide-expense-electricity = Strøm og oppvarming
decide-expense-other = Annen utgift
decide-income-work = Arbeid
decide-income-benefit = Trygd eller pensjon
decide-income-housing-allowance = Bostøtte
decide-income-child-support = Barnebidrag
decide-income-child-benefit = Barnetrygd
decide-income-other = Annen inntekt
decide-calc-override = Annet beløp enn utregningen
decide-calc-override-hint = La feltet stå tomt for å bruke den foreslåtte stønaden.
decide-calc-override-amount = Stønad i kroner
decide-calc-override-reason = Hvorfor du endrer beløpet
decide-calc-save = Lagre utregningen
decide-decisions-heading = Vedtak
decide-decisions-none = Det er ikke skrevet noe vedtak ennå.
decide-decision-heading = Vedtak { $number }
decide-author = Skrevet av
decide-sak = Sak
decide-sak-new = Ny sak
decide-sak-title = Tittel på saken
decide-sak-title-hint = Det søkeren ser, for eksempel "Livsopphold desember". Tomt: Økonomisk sosialhjelp.
decide-outcome = Utfall
decide-reasons = Begrunnelse
decide-hjemler = Hjemmel
decide-approved-by = Godkjent av
decide-payments = Utbetalinger
decide-conditions = Vilkår
decide-requirements = Dokumentasjonskrav
decide-letter = Les vedtaksbrevet (PDF)
decide-edit = Endre vedtaket
decide-approve = Godkjenn og fatt vedtaket
decide-return = Send tilbake
decide-comment = Kommentar til den som skrev vedtaket
decide-returned = Sendt tilbake av { $name }: { $comment }
decide-returned-to-you = Sendt tilbake til deg: { $comment }
decide-new = Nytt vedtak
decide-change = Endre vedtaket
decide-default-payment = Livsopphold
decide-term-title = Tittel
decide-term-description = Forklaring til søkeren
decide-term-deadline = Frist
decide-condition-row = Vilkår { $number }
decide-requirement-row = Dokumentasjonskrav { $number }
decide-payment-row = Utbetaling { $number }
decide-payment-what = Hva utbetalingen gjelder
decide-payment-amount = Beløp i kroner
decide-payment-due = Forfallsdato
decide-payment-from = Periode fra
decide-payment-to = Periode til
decide-payment-recipient = Mottaker
decide-recipient-citizen = søkeren
decide-recipient-other = Annen mottaker (utleier, strømselskap)
decide-payment-name = Navn på annen mottaker
decide-payment-name-hint = Som på fakturaen. Bare for annen mottaker.
decide-payment-account = Kontonummer
decide-payment-kid = KID
decide-payment-kid-hint = Fra fakturaen, hvis den har KID.
decide-payment-line = { $amount } – { $what }, forfall { $date }, til { $to }
decide-save-draft = Lagre utkast
decide-submit = Send til godkjenning
decide-make = Fatt vedtak
decide-payments-heading = Utbetalinger
decide-payments-none = Ingen utbetalinger ennå.
decide-payment-planned = Planlagt
decide-payment-paid = Utbetalt { $date }
decide-payment-stopped = Stoppet
decide-paid-on = Utbetalt dato
decide-mark-paid = Marker som utbetalt
decide-stop = Stopp utbetalingen
decide-plan = Planlegg en ny utbetaling
decide-plan-which = Vedtak
decide-plan-save = Planlegg utbetalingen
decide-done-utregning = Utregningen er lagret.
decide-done-utkast = Utkastet er lagret.
decide-done-send = Vedtaket er sendt til godkjenning. Det går til søkeren når en beslutter har godkjent det.
decide-done-fattet = Vedtaket er fattet og sendt til søkeren.
decide-done-godkjenn = Vedtaket er godkjent og sendt til søkeren.
decide-done-returner = Vedtaket er sendt tilbake med kommentaren din.
decide-done-planlegg = Utbetalingen er planlagt.
decide-done-utbetalt = Utbetalingen er markert som utbetalt.
decide-done-stopp = Utbetalingen er stoppet.
audit-save-calculation = regnet ut stønaden
audit-draft-decision = skrev et utkast til vedtak
audit-submit-decision = sendte vedtaket til godkjenning
audit-make-decision = fattet vedtak
audit-approve-decision = godkjente vedtaket
audit-return-decision = sendte vedtaket tilbake med en kommentar
audit-plan-payment = planla en utbetaling
audit-mark-payment-paid = markerte en utbetaling som utbetalt
audit-stop-payment = stoppet en utbetaling
staff-case-decide-calculated = Utregnet stønad: { $amount }.
case-calculation-heading = Slik har vi regnet: { $sak }
case-calculation-what = Hva
case-calculation-month = Per måned
case-calculation-total = Dette får du
## Dialogue: the conversation between a person and the office
message-heading = Skriv til kontoret
message-none = Du har ikke skrevet til kontoret om denne søknaden ennå. Her kan du stille spørsmål eller fortelle om noe som har endret seg.
message-label = Din melding
message-hint = Kontoret svarer innen to arbeidsdager. Dokumenter kontoret har bedt om, sender du under «Send dokumenter».
message-emergency = Jeg har ikke mat eller et sted å sove i dag
message-send = Send melding
message-sent = Meldingen er sendt.
message-answer-by = Du får vanligvis svar innen { $date }.
message-from-you = Du
message-from-office = { $name }, { $office }
message-emergency-tag = Haster
message-call-now = Ring { $office } nå, så får du hjelp i dag. Ikke vent på svar på meldingen.
message-case-closed = Denne saken er avsluttet, så du kan ikke skrive her lenger. Send en ny søknad, eller ring { $office } på { $phone }.
error-message-empty = Skriv en melding før du sender.
error-message-case-closed = Denne saken er avsluttet for lenge siden til at du kan skrive her. Send en ny søknad, eller ring kontoret.
staff-messages-title = Meldinger som venter på svar
staff-messages-office = Meldinger til { $office }. Kontoret svarer innen to arbeidsdager; de eldste og de som haster står øverst.
staff-messages-none = Ingen meldinger venter på svar.
staff-messages-emergency = Haster: har ikke mat eller sted å sove i dag
staff-messages-col-since = Venter siden
staff-messages-col-answer-by = Svarfrist
staff-messages-since = { $date } ({ $days ->
    [one] én arbeidsdag
   *[other] { $days } arbeidsdager
})
staff-messages-answer-by = Svar innen { $date }
staff-messages-overdue = Fristen gikk ut { $date }
staff-messages-link = Meldinger
staff-conversation-title = Meldinger i sak { $reference }
staff-conversation-back = Tilbake til saken
staff-conversation-none = Ingen meldinger i denne saken ennå. Du kan skrive først.
staff-answer-label = Svar
staff-answer-hint = Svaret sendes med ditt navn og kontorets navn, og kan ikke endres etterpå. Skriv enkelt og konkret.
staff-answer-send = Send svar
staff-answer-sent = Svaret er sendt.
audit-read-messages = leste meldingene
audit-answer-message = svarte på en melding
audit-list-messages = så listen over meldinger
event-message-written = Du skrev til kontoret.
event-message-answered = { $office } svarte på meldingen din.
helper-event-message-written = { $name } skrev til kontoret.
staff-event-message-written = Søkeren skrev til kontoret.
helper-event-message-answered = { $office } svarte på en melding.

## Notifications (varsler): never personal or case content
notice-subject = Nytt fra NAV-kontoret ditt
notice-log-in = Logg inn på nettsiden der du søkte om økonomisk sosialhjelp for å lese det. Vi sender aldri personopplysninger på SMS eller e-post.
notice-ny-melding = Du har fått en ny melding fra NAV-kontoret ditt.
notice-dokumentasjon-etterspurt = NAV-kontoret ditt ber deg sende dokumenter.
notice-vedtak = Du har fått svar på søknaden din.
notice-utbetaling-planlagt = En utbetaling er planlagt.
notice-frist-snart = Fristen for å sende dokumenter går snart ut.
notice-mote = Du har fått en avtale med NAV-kontoret ditt, eller en avtale er endret.
notices-title = Varsler på SMS og e-post
notices-back = Tilbake til søknadene dine
notices-intro = Vi sier fra på SMS eller e-post når det skjer noe i saken din. Varselet sier aldri hva det gjelder – du logger inn for å lese det.
notices-saved = Valgene dine er lagret.
notices-default-sms = Du har ikke valgt ennå. Til da får du SMS til mobilnummeret du ga i søknaden.
notices-default-none = Du har ikke valgt ennå, og vi har ikke mobilnummeret ditt. Skriv det inn under for å få varsler.
notices-how = Hvordan vil du bli varslet?
notices-sms = Send SMS
notices-phone = Mobilnummer
notices-email = Send e-post
notices-email-address = E-postadresse
notices-what = Hva vil du bli varslet om?
notices-always = Disse får du alltid, fordi loven krever at du får vite om dem:
notices-save = Lagre
notices-kind-ny-melding = Nye meldinger fra kontoret
notices-kind-dokumentasjon-etterspurt = Når kontoret ber deg sende dokumenter
notices-kind-vedtak = Svar på søknaden (vedtak)
notices-kind-utbetaling-planlagt = Planlagte utbetalinger
notices-kind-frist-snart = To dager før en frist går ut
notices-kind-mote = Avtaler med kontoret
notices-link = Velg hvordan du vil bli varslet
error-email = Skriv en e-postadresse som ligner navn@eksempel.no.
error-notice-email-missing = Skriv e-postadressen du vil ha varsler til, eller ta bort haken for e-post.
error-notice-phone-missing = Skriv mobilnummeret du vil ha SMS til, eller ta bort haken for SMS.
notice-mote-i-morgen = Du har en avtale med NAV-kontoret ditt i morgen.
notices-kind-mote-i-morgen = Påminnelse dagen før en avtale

## Meetings (møter)
weekday-1 = mandag
weekday-2 = tirsdag
weekday-3 = onsdag
weekday-4 = torsdag
weekday-5 = fredag
weekday-6 = lørdag
weekday-7 = søndag
meeting-kind-oppmote = Oppmøte
meeting-kind-telefon = Telefon – vi ringer deg
meeting-kind-video = Video
meeting-room = rom { $room }
meeting-ics-title = Avtale med { $office }
meeting-ics-description = { $how }. Med { $name }.
case-meetings-heading = Avtaler med kontoret
case-meeting-with = Med { $name }
case-meeting-cancelled = avlyst
case-meeting-ics = Legg i kalenderen
case-meeting-move = Be om å flytte avtalen
case-meeting-move-label = Hvorfor, og når passer det bedre?
case-meeting-move-hint = Kontoret svarer innen to arbeidsdager. Avtalen gjelder til du har fått svar.
case-meeting-move-send = Send ønsket
case-meeting-move-asked = Du har bedt om å flytte avtalen. Kontoret svarer deg under «Skriv til kontoret».
staff-meetings-link = Avtaler
staff-meetings-title = Avtaler i sak { $reference }
staff-meetings-none = Ingen avtaler i denne saken.
staff-meetings-list = Avtaler
staff-meeting-conflict = Avtalen ble endret av noen andre mens siden var åpen. Se over og prøv igjen.
staff-meeting-cancelled = avlyst
staff-meeting-cancel = Avlys
staff-meeting-book = Ny avtale
staff-meeting-date = Dato
staff-meeting-time = Klokkeslett
staff-meeting-time-hint = På hele kvarter, mellom 08.00 og 16.00, for eksempel 09.30.
staff-meeting-minutes = Varighet i minutter
staff-meeting-kind = Hvordan
staff-meeting-place = Sted eller lenke
staff-meeting-place-hint = Oppmøte: adressen. Video: lenken (https://…). Telefon: kan stå tomt, du ringer nummeret i søknaden.
staff-meeting-room = Møterom (valgfritt)
staff-meeting-book-button = Book avtalen
staff-meeting-move-asked = Søkeren ba { $date } om å flytte avtalen: «{ $text }»
staff-meeting-done-booket = Avtalen er booket, og søkeren får varsel.
staff-meeting-done-avlyst = Avtalen er avlyst, og søkeren får varsel.
error-meeting-date = Skriv en dato, for eksempel 07.12.2026.
error-meeting-past = Tidspunktet har allerede vært. Velg et senere.
error-meeting-day-off = Det er helg eller helligdag den dagen. Velg en arbeidsdag.
error-meeting-time = Velg et klokkeslett på helt kvarter, slik at avtalen er ferdig innen 16.00.
error-meeting-minutes = Skriv en varighet fra 15 til 120 minutter, i hele kvarter.
error-meeting-kind = Velg hvordan avtalen skal holdes.
error-meeting-place = Skriv adressen for oppmøte, eller en lenke som begynner med https:// for video.
error-meeting-caseworker-taken = Du har allerede en avtale på det tidspunktet. Velg et annet.
error-meeting-room-taken = Rommet er opptatt på det tidspunktet. Velg et annet rom eller tidspunkt.
audit-read-meetings = så avtalene
audit-book-meeting = booket en avtale
audit-move-meeting = flyttet en avtale
audit-cancel-meeting = avlyste en avtale

## Letters that reach people: print and post
staff-print-title = Brev som skal skrives ut
staff-print-intro = Brev fra { $office } som ikke er åpnet på nett etter { $days } dager. Skriv dem ut og send dem i posten, eller gi dem personlig når adressen er beskyttet.
staff-print-none = Ingen brev venter på utskrift.
staff-print-sent = Sendt { $date }, ikke åpnet
staff-print-protected = Adressen er beskyttet: gi brevet personlig. Det skrives aldri ut med adresse.
staff-print-pdf = Skriv ut (PDF med adresseside)
staff-print-mark = Skrevet ut og sendt
staff-print-handed-over = Gitt personlig
staff-print-done = Brevet er tatt av listen.
print-cover-from = Fra { $office }, { $address }
print-cover-reference = Referanse: { $reference }
audit-print-letter = skrev ut et brev til deg
audit-letter-printed = ga deg et brev på papir
audit-list-letters-to-print = så listen over brev som skal skrives ut

## Appeals (klage)
klage-heading = Klage
klage-title = Klag på vedtaket
klage-start = Klag på vedtaket
klage-intro = Er du uenig i vedtaket, kan du klage. Skriv hva du er uenig i og hvorfor. Kontoret ser på saken igjen; får du ikke medhold, sendes klagen til Statsforvalteren, som avgjør den.
klage-invite = Er du uenig i vedtaket? Du kan klage innen { $deadline }.
klage-invite-late = Fristen for å klage har gått ut, men du kan klage likevel. Fortell da hvorfor klagen kommer nå.
klage-deadline = Fristen for å klage er { $deadline }.
klage-deadline-passed = Fristen for å klage var { $deadline }. Klagen blir tatt imot likevel, men fortell hvorfor den kommer nå.
klage-which = Hvilket vedtak klager du på?
klage-decision-label = Vedtaket fra { $date }
klage-decision-label-nth = Vedtaket fra { $date } (vedtak nr. { $number })
klage-why = Hva er du uenig i, og hvorfor?
klage-why-hint = Skriv med dine egne ord. Du kan sende dokumenter som støtter klagen under «Send dokumenter».
klage-late-why = Hvorfor kommer klagen nå?
klage-late-why-hint = For eksempel at du var syk, ikke fikk brevet, eller ikke forsto det. Kontoret kan behandle klagen likevel når det er en god grunn.
klage-documents = Du har rett til å se dokumentene i saken din. Be om dem under «Skriv til kontoret».
klage-send = Send klagen
klage-received = Klagen er mottatt.
klage-item-title = Klage sendt { $date }
klage-status-SENDT = Klagen er sendt
klage-status-MOTTATT = Klagen er mottatt
klage-status-UNDER_BEHANDLING = Kontoret behandler klagen
klage-status-FERDIGBEHANDLET = Klagen er ferdig behandlet
klage-status-VIDERESENDT = Klagen er sendt til Statsforvalteren, som avgjør den
klage-status-TRUKKET = Klagen er trukket
klage-status-FORELOPIG_SVAR = Du har fått et foreløpig svar på klagen
klage-utfall-MEDHOLD = Du fikk medhold: kontoret lager et nytt vedtak
klage-utfall-DELVIS_MEDHOLD = Du fikk delvis medhold
klage-utfall-OPPRETTHOLDT = Kontoret mener vedtaket er riktig
klage-utfall-AVVIST = Klagen ble avvist
klage-event-received = Klage mottatt
klage-event-processing = Klage under behandling
klage-event-upheld = Medhold i klagen
klage-event-done = Klage ferdig behandlet
klage-event-kept = Vedtaket opprettholdt
klage-event-forwarded = Klage sendt til Statsforvalteren
klage-cover-title = Oversendelse av klage til Statsforvalteren
klage-cover-to = Til: Statsforvalteren. Kopi til deg som klaget.
klage-cover-what-now-heading = Hva skjer nå
klage-cover-what-now = { $office } har sett på saken igjen og mener vedtaket er riktig. Derfor sendes klagen til Statsforvalteren, som avgjør den. Du får svar fra Statsforvalteren. Du trenger ikke gjøre noe, men du kan sende mer til Statsforvalteren om du vil.
klage-cover-appeal-heading = Klagen
klage-cover-in-time = Klagen kom innen fristen ({ $deadline }).
klage-cover-late = Klagen kom { $days } dager etter fristen ({ $deadline }).
klage-cover-late-reason = Grunnen til at klagen kom sent: { $reason }
klage-cover-assessment-heading = Kontorets vurdering
klage-cover-rights-heading = Dine rettigheter
klage-cover-rights = Du har rett til å se dokumentene i saken (forvaltningsloven § 18). Statsforvalteren kan prøve alle sider av saken (forvaltningsloven § 34).
error-klage-decision = Velg vedtaket du klager på.
error-klage-empty = Skriv hva du er uenig i.
error-klage-step = Klagen er allerede behandlet så langt. Last siden på nytt.
error-klage-assessment = Skriv kontorets vurdering før klagen sendes til Statsforvalteren.
staff-appeals-title = Klager
staff-appeals-link = Klager
staff-appeals-office = Åpne klager til { $office }, de eldste først.
staff-appeals-none = Ingen åpne klager.
staff-appeals-received = Mottatt
staff-appeals-deadline = Frist
staff-appeal-title = Klager i sak { $reference }
staff-appeal-none = Ingen klager i denne saken.
staff-appeal-late-reason = Grunn til at klagen kom sent: { $reason }
staff-appeal-process = Ta klagen under behandling
staff-appeal-uphold = Gi medhold
staff-appeal-uphold-hint = Ved medhold lager du et nytt vedtak:
staff-appeal-decide-link = gå til vedtakssiden
staff-appeal-assessment = Kontorets vurdering
staff-appeal-assessment-hint = Hvorfor vedtaket opprettholdes. Dette står i oversendelsesbrevet til Statsforvalteren, som søkeren får kopi av.
staff-appeal-forward = Oppretthold og send til Statsforvalteren
staff-appeal-done-behandle = Klagen er tatt under behandling.
staff-appeal-done-medhold = Klagen har fått medhold. Lag det nye vedtaket på vedtakssiden.
staff-appeal-done-oversend = Klagen er sendt til Statsforvalteren, med oversendelsesbrev.
audit-read-appeals = så klagene dine
audit-appeal-step = behandlet klagen din
audit-list-appeals = så listen over klager

## Photos: what to do
# Before sending: a page that is probably hard to read, and what to do about it (velferd_documents::photos::Warning).
photo-fix-blurry = Bildet ser uskarpt ut. Hold telefonen stille og ta bildet på nytt, så kontoret kan lese det.
photo-fix-dark = Bildet er for mørkt. Ta bildet på nytt nærmere et vindu, eller slå på mer lys.
photo-fix-empty = Vi ser nesten ingenting på siden. Sjekk at du har tatt bilde av riktig side, og at hele arket er med.
photo-fix-cut-off = Siden er kuttet av. Ta bildet på nytt og få med hele arket.
photo-fix-slanted = Siden er tatt på skrå. Hold telefonen rett over arket og ta bildet på nytt.
photo-fix-attached-files = Denne PDF-en har filer lagt inni seg. Kontoret får sidene og navnene på de filene, men ikke selve filene: trenger kontoret en av dem, send den som en egen fil.
# Upload pages: the button that splits a PDF into one file per page, to turn, move or remove them one by one.
attach-split = Del opp i enkeltsider

## Language names inside a sentence ("the application was written in bokmål")
language-name-nb = bokmål
language-name-nn = nynorsk
language-name-en = engelsk
staff-case-told = Dette sa søkeren om dokumentene da søknaden ble sendt
## Child welfare (barnevern): concern reports (issue 18)
staff-role-barnevern = Barneverntjenesten
bv-home-link = Bekymringsmeldinger (barnevern)
bv-service-name = Barneverntjenesten i { $kommune }
bv-letter-reference = Referanse: { $reference }
bv-form-title = Meld bekymring for et barn
bv-form-intro = Er du bekymret for et barn, kan du melde fra til barneverntjenesten i kommunen der barnet bor. Skriv det du vet; du trenger ikke vite alt. Du kan være anonym.
bv-form-professional-hint = Melder du i jobben din (skole, barnehage, helse, politi, NAV)?
bv-form-professional-link = Logg inn og meld som fagperson
bv-form-sign-in-text = Fagpersoner med opplysningsplikt logger inn, så barneverntjenesten vet hvem som melder og kan gi deg tilbakemelding.
bv-form-sign-in = Logg inn for å melde som fagperson
bv-form-private-link = Meld som privatperson uten å logge inn
bv-form-trap = Ikke fyll ut dette feltet
bv-form-send = Send bekymringsmeldingen
bv-danger-heading = Er barnet i fare nå?
bv-danger-text = Ring med en gang. Ikke vent på svar på et skjema.
bv-danger-112 = politiet, når barnet er i fare nå
bv-danger-116111 = Alarmtelefonen for barn og unge, døgnåpen og gratis; de setter deg over til barnevernsvakten
bv-danger-question = Er barnet i fare akkurat nå?
bv-danger-yes = Ja
bv-danger-no = Nei
bv-danger-now-tag = I fare nå
bv-kommune = Kommunen der barnet bor
bv-kommune-hint = Meldingen går til barneverntjenesten i denne kommunen.
bv-kommune-choose = Velg kommune
bv-child-heading = Barnet
bv-child-hint = Fyll ut det du vet. Navn eller hvor barnet kan finnes er nok.
bv-child-name = Barnets navn
bv-child-birth-date = Fødselsdato
bv-child-birth-date-hint = For eksempel 01.05.2016, hvis du vet den.
bv-child-fnr = Fødselsnummer
bv-child-fnr-hint = 11 siffer, bare hvis du vet det.
bv-child-whereabouts = Hvor barnet bor eller kan finnes
bv-child-whereabouts-hint = Adresse, skole eller barnehage.
bv-child-unnamed = Barn uten oppgitt navn
bv-concern = Hva har du sett eller hørt?
bv-concern-hint = Beskriv hva som skjedde, når, og hvordan du fikk vite det.
bv-urgency = Hastegrad
bv-urgency-question = Hvor fort mener du at barneverntjenesten må gjøre noe?
bv-urgency-akutt = Akutt – i dag
bv-urgency-snart = Snart – i løpet av noen dager
bv-urgency-vanlig = Vanlig
bv-reporter-heading = Den som melder
bv-reporter-hint = Barneverntjenesten kan trenge å snakke med deg. Du kan også melde anonymt.
bv-reporter-anonymous-choice = Jeg vil være anonym
bv-reporter-anonymous-hint = Da lagres verken navn, kontaktopplysninger eller nettverksadresse. Barneverntjenesten kan ikke kontakte deg.
bv-reporter-signed-in = Du melder som fagperson: { $name }
bv-reporter = Melder
bv-reporter-anonymous = Anonym
bv-reporter-name = Navn
bv-reporter-phone = Telefon
bv-reporter-email = E-post
bv-reporter-contact = Kontakt
bv-reporter-role = Rolle og arbeidssted
bv-reporter-role-field = Din rolle
bv-reporter-role-hint = For eksempel kontaktlærer, helsesykepleier eller politi.
bv-reporter-organisation = Arbeidssted
bv-receipt-title = Bekymringsmeldingen er mottatt
bv-receipt-sent-to = { $service } fikk meldingen { $time }.
bv-receipt-received = Mottatt: { $time }
bv-receipt-received-label = Mottatt
bv-receipt-what = Meldingen
bv-receipt-who = Melder
bv-receipt-next-heading = Hva skjer nå
bv-receipt-next = Barneverntjenesten går gjennom meldingen senest innen en uke og vurderer om den skal undersøkes. Hastesaker behandles samme dag.
bv-receipt-next-professional = Som fagperson får du innen tre uker vite om det er startet en undersøkelse eller om meldingen er henlagt.
bv-receipt-pdf = Last ned kvitteringen (PDF)
bv-receipt-another = Meld bekymring for et annet barn
bv-refused-kommune = Velg kommunen der barnet bor.
bv-refused-child-unknown = Skriv barnets navn eller hvor barnet kan finnes.
bv-refused-fnr = Fødselsnummeret er ikke gyldig. Sjekk sifrene, eller la feltet stå tomt.
bv-refused-date = Skriv datoen som dd.mm.åååå.
bv-refused-birth-future = Fødselsdatoen kan ikke være fram i tid.
bv-refused-concern-empty = Skriv hva du har sett eller hørt.
bv-refused-urgency = Velg hvor fort du mener det haster.
bv-refused-danger = Svar på om barnet er i fare nå.
bv-refused-name = Skriv navnet ditt, eller velg å være anonym.
bv-refused-contact = Skriv telefon eller e-post, så barneverntjenesten kan nå deg.
bv-refused-email = E-postadressen ser ikke riktig ut.
bv-refused-role = Skriv rollen din.
bv-refused-organisation = Skriv arbeidsstedet ditt.
bv-refused-too-long = Teksten er for lang.
bv-refused-direction = Teksten har usynlige tegn som endrer skriveretningen. Skriv den inn på nytt.
bv-refused-unreadable = Teksten har tegn vi ikke kan lese. Skriv den inn på nytt.
bv-refused-stale-form = Skjemaet var utløpt. Det du skrev er beholdt – send igjen.
bv-refused-robot = Meldingen kunne ikke sendes. Sjekk skjemaet og send igjen.
bv-refused-too-fast = Skjemaet ble sendt veldig raskt. Sjekk at alt stemmer, og send igjen.
bv-refused-sign-in = Logg inn for å melde som fagperson.
bv-refused-reason-missing = Skriv en begrunnelse.
bv-refused-closed = Meldingen er avsluttet; ingenting mer kan registreres.
bv-refused-already-investigating = Undersøkelse er allerede startet.
bv-refused-already-reviewed = Meldingen er allerede gjennomgått.
bv-refused-not-investigating = Fristen kan bare forlenges når en undersøkelse er startet.
bv-refused-no-extension = Loven gir ingen forlengelse av denne fristen.
bv-refused-date-past = Datoen har passert. Velg i dag eller senere.
bv-refused-extension-short = Datoen er innenfor den vanlige fristen; da trengs ingen forlengelse.
bv-refused-extension-long = Fristen kan forlenges til høyst seks måneder etter at meldingen kom inn.
bv-refused-merge-self = En melding kan ikke slås sammen med seg selv.
bv-refused-merge-kommune = Meldingen tilhører en annen kommune.
bv-refused-merge-closed = Den andre meldingen er avsluttet.
bv-refused-merge-other-child = Meldingene gjelder ikke samme barn (fødselsnummer, eller navn og fødselsdato, må stemme).
bv-refused-merge-unknown = Fant ingen melding med den referansen.
bv-refused-not-professional = Tilbakemelding gis bare til fagpersoner som har meldt.
bv-refused-feedback-early = Tilbakemeldingen sendes når undersøkelse er startet eller meldingen er henlagt.
bv-refused-feedback-sent = Tilbakemeldingen er allerede sendt.
bv-refused-unknown-action = Velg en handling.
bv-list-title = Bekymringsmeldinger
bv-list-unit = { $unit }
bv-list-overdue = { $count ->
    [one] 1 melding har passert en frist
   *[other] { $count } meldinger har passert en frist
}
bv-list-overdue-text = Følg opp straks, og meld fra til leder.
bv-list-filters = Vis meldinger
bv-list-open = Åpne
bv-list-all = Alle, også avsluttede
bv-list-none = Ingen meldinger her.
bv-acute = Akutt
bv-received = Mottatt
bv-status = Status
bv-next-deadline = Neste frist
bv-status-ny = Ny – hastegrad ikke vurdert
bv-status-vurdert = Vurdert
bv-status-undersokes = Undersøkes
bv-status-avsluttet = Avsluttet
bv-status-sammenslatt = Slått sammen med en annen melding
bv-deadline-gjennomgang = Gjennomgang (1 uke)
bv-deadline-undersokelse = Undersøkelse (3 måneder)
bv-deadline-skyddsbedomning = Skyddsbedömning (samme dag)
bv-deadline-forhandsbedomning = Förhandsbedömning (14 dager)
bv-deadline-utredning = Utredning (4 måneder)
bv-deadline-tilbakemelding = Tilbakemelding til melder (3 uker)
bv-deadline-met = overholdt (frist { $date })
bv-deadline-met-late = gjort etter fristen { $date }
bv-deadline-today = frist i dag, { $date }
bv-deadline-left = { $date }, { $days ->
    [one] 1 dag igjen
   *[other] { $days } dager igjen
}
bv-deadline-overdue = fristen { $date } er passert med { $days ->
    [one] 1 dag
   *[other] { $days } dager
}
bv-deadline-extended = (forlenget)
bv-deadlines = Frister
bv-files = Dokumenter
bv-file-vedlegg = Vedlegg fra melder ({ $date })
bv-file-tilbakemelding = Tilbakemelding til melder ({ $date })
bv-steps = Logg
bv-step-mottatt = Meldingen mottatt
bv-step-hastegrad = Hastegrad vurdert: { $urgency }. { $reason }
bv-step-gjennomgang = Gjennomgått. { $reason }
bv-step-undersokelse = Undersøkelse startet. { $reason }
bv-step-forlengelse = Fristen for undersøkelsen forlenget til { $date }. { $reason }
bv-step-avsluttet = Avsluttet. { $reason }
bv-step-sammenslatt = Slått sammen med en annen melding om samme barn. { $reason }
bv-step-tilbakemelding = Tilbakemelding sendt til melder
bv-report-title = Bekymringsmelding { $reference }
bv-back-list = Tilbake til bekymringsmeldingene
bv-conflict = Noen andre endret meldingen mens du skrev. Se det nye nedenfor; det du skrev er beholdt.
bv-reason = Begrunnelse
bv-action-hastegrad = Vurder hastegrad
bv-action-hastegrad-send = Lagre hastegrad
bv-action-undersokelse = Start undersøkelse
bv-action-undersokelse-send = Start undersøkelse
bv-action-forlengelse = Forleng fristen for undersøkelsen
bv-action-forlengelse-send = Forleng fristen
bv-extend-until = Ny frist
bv-extend-until-hint = Høyst seks måneder etter at meldingen kom inn (barnevernsloven § 2-2).
bv-action-avslutt = Avslutt (henlegg)
bv-action-avslutt-send = Avslutt meldingen
bv-action-sammenslaa = Slå sammen med en annen melding om samme barn
bv-action-sammenslaa-send = Slå sammen
bv-merge-with = Referansen til den andre meldingen
bv-merge-with-hint = For eksempel BM-1A2B3C4D.
bv-action-tilbakemelding = Tilbakemelding til melder
bv-action-tilbakemelding-text = Fagpersonen får et brev om at meldingen er mottatt, og om undersøkelse er startet eller meldingen henlagt. Ikke noe annet om saken.
bv-action-tilbakemelding-send = Lag og send tilbakemeldingen
bv-done-hastegrad = Hastegraden er lagret.
bv-done-gjennomgang = Gjennomgangen er registrert.
bv-done-undersokelse = Undersøkelsen er startet.
bv-done-forlengelse = Fristen er forlenget.
bv-done-avslutt = Meldingen er avsluttet.
bv-done-sammenslaa = Meldingen er slått sammen.
bv-done-tilbakemelding = Tilbakemeldingen er laget.
bv-feedback-title = Tilbakemelding på bekymringsmelding
bv-feedback-heading = Meldingen din
bv-feedback-received = Vi bekrefter at vi mottok bekymringsmeldingen din { $date }.
bv-feedback-investigation = Vi har startet en undersøkelse.
bv-feedback-closed = Vi har gått gjennom meldingen og henlagt den.
bv-feedback-law = Du får denne tilbakemeldingen fordi du meldte som fagperson (barnevernsloven § 13-4). Vi kan ikke fortelle mer om saken.
bv-action-gjennomgang = Registrer gjennomgang
bv-action-gjennomgang-text = Meldingen er lest og vurdert; beslutningen (undersøkelse eller henleggelse) kommer senere.
bv-action-gjennomgang-send = Registrer gjennomgang
bv-export = Eksport til fagsystemet (Fiks bekymringsmelding, JSON)
bv-attachments = Vedlegg (frivillig)
bv-attachments-hint = Bilder (JPEG, PNG) eller PDF, for eksempel et notat. Hver fil blir en PDF hos barneverntjenesten.
bv-attachments-too-many = Send høyst { $files } filer, til sammen høyst { $total_mb } MB.
bv-attachments-again = Velg filene på nytt; det du skrev er beholdt.
## Dialogue II: the case's archive copy, attachments on messages, reply templates, routing, helpers
# The case's archive copy (arkivkopi): the whole record in one PDF
archive-title = Saken { $reference } – arkivkopi
archive-link-office = Hele saken som PDF (arkivkopi)
archive-link-own = Hele saken din som PDF
archive-office-copy = Kontorets arkivkopi, laget { $date }. Inneholder kontorets interne notater.
archive-own-copy = Din kopi av saken, laget { $date }.
archive-application-heading = Søknaden
archive-application-text = Svarene slik de ble sendt { $date }.
archive-timeline-heading = Hva som har skjedd
archive-messages-heading = Meldinger
archive-messages-none = Ingen meldinger i saken.
archive-letters-heading = Brev
archive-documents-heading = Dokumenter
archive-notes-heading = Interne notater
staff-event-message-answered = { $office } svarte søkeren.
archive-none = Ingen.
audit-read-archive = så hele saken din (arkivkopi)
# Attachments on messages: photos and PDFs become one PDF, as documents sent later do
message-attachment = Vedlegg: { $files }
message-attachment-pages = PDF, { $pages ->
    [one] 1 side
   *[other] { $pages } sider
}
message-files-label = Legg ved bilder eller PDF (frivillig)
message-files-hint = Høyst { $files } filer. Bildene blir til én PDF som kontoret kan lese.
message-files-again = Teksten din er tatt vare på. Velg filene på nytt.
message-attach-too-many = Du kan legge ved høyst { $files } filer i én melding.
staff-answer-files-hint = Høyst { $files } filer. Bildene blir til én PDF som søkeren kan åpne.
staff-answer-files-label = Legg ved bilder eller PDF (frivillig)
archive-attachment-with-message = Sendt med melding fra { $who } { $date }.
# Reply templates kept per office, and routing a conversation to a colleague
staff-templates-title = Svarmaler
staff-templates-intro = Svarmalene til { $office }. Alle som behandler saker her, kan bruke og endre dem. Ikke skriv personopplysninger i en mal.
staff-templates-none = Kontoret har ingen svarmaler ennå.
staff-template-changed = Endret { $date } av { $name }
staff-template-edit = Endre «{ $title }»
staff-template-new = Ny svarmal
staff-template-change = Endre svarmalen
staff-template-title-label = Tittel
staff-template-text-label = Tekst
staff-template-text-hint = Teksten fyller svarfeltet. Den som svarer, tilpasser den før svaret sendes.
staff-template-save = Lagre svarmalen
staff-template-saved = Svarmalen er lagret.
staff-template-pick = Start fra en svarmal
staff-template-pick-hint = Teksten kommer i svarfeltet, og du kan endre den før du sender.
staff-template-none = Ingen mal
staff-template-use = Bruk malen
staff-template-used = Teksten fra «{ $title }» står i svarfeltet. Tilpass den før du sender.
error-template-title-empty = Gi malen en tittel.
staff-route-heading = Fordelt til
staff-route-label = Gi samtalen til en kollega
staff-route-office = Hele kontoret
staff-route-send = Fordel samtalen
staff-routed-to = Fordelt til { $name }
staff-routed-office = Hele kontoret
staff-routed-done = Samtalen er fordelt.
error-route-unknown = Velg en kollega på kontoret som behandler saker.
audit-route-conversation = ga meldingene dine til en saksbehandler
# Helpers in the conversation: a power that covers it, messages signed as the helper
helper-may-write = Personen kan også lese meldingene og skrive til kontoret for meg
helper-scope-messages = Kan lese og skrive meldinger
message-from-helper = { $helper } på vegne av { $person }
message-from-helper-for-you = { $helper } på vegne av deg
audit-helper-write-message = skrev til kontoret for deg (fullmakt)
audit-helper-read-file = åpnet et vedlegg i meldingene (fullmakt)
