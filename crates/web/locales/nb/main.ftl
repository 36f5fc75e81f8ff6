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
signin-demo-explain = Dette er en demo. Velg en oppdiktet person å logge inn som. Ekte innlogging med ID-porten kommer senere.
signin-demo-people = Oppdiktede personer
signin-as = Logg inn som { $name }
signin-person-details = Født { $born }, bor i { $kommune }
signin-not-configured = Innlogging er ikke satt opp på denne serveren ennå. Kontakt kontoret ditt for å søke.

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
summary-documents-text = Ut fra svarene dine trenger kontoret disse dokumentene. Du sender dem etter at du har sendt søknaden.
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
receipt-next-processing = Kontoret behandler søknaden. Det tar vanligvis opptil { $days } dager.
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
error-text-too-long = Teksten er for lang. Skriv det viktigste, kortere.
error-text-unreadable = Teksten inneholder tegn vi ikke kan lese. Skriv den på nytt.
error-number-format = Skriv et tall, for eksempel 2.
error-number-range = Tallet er utenfor det som er mulig her.
error-date-format = Skriv en gyldig dato slik: 31.12.2015
error-belop-negative = Beløpet kan ikke være negativt.
error-belop-format = Skriv beløpet med tall, for eksempel 4500.
error-belop-too-large = Beløpet er for stort. Sjekk at det er riktig.
error-telefon-format = Skriv et telefonnummer med 8 siffer, eller med landkode (+46 …).
error-konto-missing = Skriv kontonummeret ditt, eller kryss av for at du ikke har bankkonto.
error-konto-digits = Kontonummeret kan bare ha tall (mellomrom og punktum er lov).
error-konto-length = Kontonummeret må ha 11 siffer.
error-konto-checksum = Kontonummeret finnes ikke. Sjekk at du har skrevet alle sifrene riktig.
error-fnr-digits = Fødselsnummeret kan bare ha tall.
error-fnr-length = Fødselsnummeret må ha 11 siffer.
error-fnr-checksum = Fødselsnummeret er ikke gyldig. Sjekk sifrene.
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
case-sent = Sendt { $date }. Referanse: { $reference }
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
event-decision-granted = Vedtak: søknaden er innvilget.
event-decision-partly = Vedtak: søknaden er delvis innvilget.
event-decision-refused = Vedtak: søknaden er avslått.
event-decision-rejected = Vedtak: søknaden er avvist.
event-decision = Kontoret gjorde et vedtak.
event-documents-requested = Kontoret ba om { $count } dokumenter.
event-preliminary = Kontoret sendte et foreløpig svar.
event-paid = { $amount } ble utbetalt.
event-payment-planned = Utbetaling av { $amount } ble planlagt.
event-payment-stopped = Utbetaling av { $amount } ble stoppet.

## Ettersending av dokumenter
upload-title = Send dokumenter
upload-intro = Dokumentene sendes til søknaden din med referanse { $reference }. Du trenger ikke sende en ny søknad.
upload-how = Ta bilde av hver side, eller velg PDF-filer. Sider av samme dokument blir til én PDF, i den rekkefølgen du velger dem.
upload-field-hint = Velg ett eller flere bilder eller PDF-er (høyst 10 MB hver).
upload-other = Andre dokumenter
upload-button = Send dokumentene
upload-choose-again = Av sikkerhetsgrunner må du velge filene på nytt.
upload-error-none = Du har ikke valgt noen filer.
upload-error-too-many = Det er for mange eller for store filer. Send høyst 30 filer og 150 MB om gangen.
upload-error-interrupted = Sendingen ble avbrutt. Ingenting er lagret. Prøv igjen.
upload-error-empty = { $file } er tom.
upload-error-too-large = { $file } er større enn 10 MB. Ta bildet på nytt med lavere oppløsning, eller del PDF-en.
upload-error-not-an-image = { $file } er ikke et bilde eller en PDF vi kan lese.
upload-error-heic = { $file } er et HEIC-bilde. Send det som JPEG (på iPhone: Innstillinger → Kamera → Formater → Mest kompatibel).
upload-error-unsupported-type = { $file } har et filformat vi ikke tar imot. Send JPEG, PNG eller PDF.
upload-error-too-many-pixels = { $file } er et altfor stort bilde. Ta bildet på nytt med vanlig kamera.
upload-error-broken-image = { $file } er ødelagt eller bare delvis lastet opp. Prøv igjen.
upload-error-encrypted-pdf = { $file } er låst med passord. Send en versjon uten passord.
upload-error-broken-pdf = { $file } er en ødelagt PDF. Prøv å lagre den på nytt.
upload-error-pdf-javascript = { $file } inneholder programkode vi ikke tar imot. Skriv ut til PDF og send den.
upload-error-pdf-embedded-files = { $file } inneholder andre filer. Send hver fil for seg.
upload-error-pdf-forms-or-annotations = { $file } har utfylte skjemafelt eller kommentarer. Bruk «Skriv ut → Lagre som PDF» og send den.
upload-error-unreadable = { $file } kunne ikke leses. Prøv igjen, eller send et bilde.
case-send-documents = Send dokumenter
case-documents-heading = Dokumenter du har sendt
case-documents-none = Du har ikke sendt dokumenter ennå.
case-document-sent = sendt { $date }
case-back-to-case = Tilbake til søknaden
