# Velferd – English. Plain words, short sentences. The keys are shared by all languages.

## Shared
skip-to-content = Skip to content
language-nav = Language
sign-out = Log out
demo-banner = Demo version: all people and cases here are made up.
footer-text = Velferd – apply for financial assistance (økonomisk sosialhjelp). Ask your local office if you need help.
title-error-prefix = Error:
button-next = Next
button-back = Back
button-send = Send the application
answer-ja = Yes
answer-nei = No
answer-none = None given
date-hint = Write the date like this: 31.12.2015
draft-expiry = Your answers are saved as you go. The application will be deleted on { $date } if you do not send it.
office-phone = Phone
office-address = Visiting address

## Front page
home-title = Apply for financial assistance
home-intro = Financial assistance (økonomisk sosialhjelp) is money for food, housing and other basic costs when you cannot support yourself.
home-emergency-heading = Do you need help today?
home-emergency-text = If you have no food today or nowhere to sleep tonight, call your local office right away. You can also apply here, and the office will see your application first.
home-before-heading = Before you start
home-before-time = It takes about 15 minutes.
home-before-save = Your answers are saved as you go. You can take a break and continue later, also on another phone or computer.
home-before-documents = You send documents (for example bank statements and your rental contract) afterwards.
home-start = Start the application
home-other-heading = Can you not apply online?
home-other-text = You can apply on paper, by phone or by going to the office. All applications are treated the same way.

## Sign in
signin-title = Log in
signin-demo-explain = This is a demo. Choose a made-up person to log in as. Real login with ID-porten will come later.
signin-demo-people = Made-up people
signin-as = Log in as { $name }
signin-person-details = Born { $born }, lives in { $kommune }
signin-not-configured = Login is not set up on this server yet. Contact your local office to apply.

## Start
start-title = Application for financial assistance
start-hello = You are logged in as { $name }.
start-resume-heading = You have an application you have not sent
start-resume-text = Application to { $kommune }, last saved { $saved }.
start-resume-button = Continue where you left off
start-new-heading = Or start a new application
start-kommune-label = Which municipality (kommune) do you live in now?
start-kommune-hint = The application goes to the office in the municipality where you live now, even if your registered address (folkeregistrert adresse) is somewhere else.
start-kommune-choose = Choose municipality
start-button = Start the application

## Municipalities that do not take online applications
closed-title = You cannot apply online here
closed-title-kommune = { $kommune } does not take online applications right now
closed-paused = Online applications are paused in this municipality. You can still get help: call or visit the office.
closed-not-digital = This municipality does not take applications for financial assistance here. Call or visit the office to apply.
closed-other-ways = You can apply on paper, by phone or by going to the office. If you have no food or nowhere to sleep today, call right away.
closed-choose-other = Do you live in another municipality? Choose again

## Steps
step-progress = Step { $current } of { $total }
step-nodhjelp-title = Do you need help today?
step-nodhjelp-intro = Answer yes if you have no food today or nowhere to sleep tonight.
step-behov-title = What are you applying for?
step-personalia-title = About you
step-personalia-intro = We get your name and address from the National Population Register (folkeregisteret).
step-bolig-title = Where do you live?
step-arbeid-title = Work and education
step-familie-title = Family
step-inntekt-title = Income and money you have
step-inntekt-intro = Write amounts per month. Leave a field empty if it does not apply to you.
step-utgifter-title = Expenses
step-utgifter-intro = Write amounts per month. Leave a field empty if it does not apply to you.
step-konto-title = Account number
step-konto-intro = If you get support, we pay it into this account.
step-oppsummering-title = Check and send

nodhjelp-question = Are you without food or a place to sleep today?
nodhjelp-nei = No
nodhjelp-mat = Yes, I have no food today
nodhjelp-bolig = Yes, I have nowhere to sleep tonight
nodhjelp-begge = Yes, I have no food and nowhere to sleep
emergency-banner-heading = Call the office now
emergency-banner-text = You said that you need help today. Call { $office } on { $phone } now. You can finish the application afterwards.

kategorier-question = What do you need money for?
kategorier-question-hint = Choose all that fit.
kategori-livsopphold = Food, clothes and other everyday costs (living expenses)
kategori-husleie = Rent
kategori-strom = Electricity
kategori-mat = Food
kategori-klaer = Clothes
kategori-tannlege = Dentist
kategori-medisiner = Medicine
kategori-annet = Something else
hva_annet-label = What else are you applying for?
hvorfor-label = Why are you applying?
hvorfor-label-hint = Tell us briefly about your situation. You can use your own words.

register-name = Name
register-fnr = National identity number (fødselsnummer)
register-address = Address in the National Population Register
telefon-label = Phone number (optional)
telefon-label-hint = So the office can call you. We never send personal information by text message (SMS).
bor_folkeregistrert-question = Do you live at your registered address (in folkeregisteret)?
oppholdsadresse-label = Where do you live now?
oppholdsadresse-label-hint = An address, or a description like “with a friend in Bergen”.
nordisk_borger-question = Are you a citizen of a Nordic country (Norway, Sweden, Denmark, Finland or Iceland)?

botype-question = Where and how do you live?
botype-leier = I rent
botype-kommunal = I rent municipal housing (kommunal bolig)
botype-eier = I own my home
botype-foreldre = I live with my parents
botype-familie = I live with other family
botype-venner = I live with friends
botype-ingen = I have nowhere to live
botype-krisesenter = I live at a crisis centre (krisesenter)
botype-institusjon = I live in an institution
botype-fengsel = I am in prison
botype-annet = Other
antall_personer-label = How many people live in your home, including you?

i_jobb-question = Do you have a job now?
arbeidsgiver-label = Where do you work?
stillingsprosent-label = Work percentage
stillingsprosent-label-hint = How much do you work, as a percentage of a full-time job (100)?
student-question = Do you go to school or study?
studentgrad-question = Do you study full-time or part-time?
studentgrad-heltid = Full-time
studentgrad-deltid = Part-time

sivilstatus-question = What is your marital status?
sivilstatus-ugift = Not married
sivilstatus-gift = Married or registered partner
sivilstatus-samboer = Living together, not married (samboer)
sivilstatus-separert = Separated
sivilstatus-skilt = Divorced
sivilstatus-enke = Widow or widower
partner-legend = Spouse or partner
partner_fornavn-label = First name
partner_etternavn-label = Last name
partner_fnr-label = National identity number (fødselsnummer, optional)
partner_fnr-label-hint = 11 digits. If you do not know it, leave the field empty.
partner_bor_sammen-question = Do you live together?
partner-name-label = Name of spouse or partner
har_barn-question = Do you have children under 18 whom you support?
barn-legend = Child { $number }
barn-heading = Child { $number }
barn-fornavn-label = First name
barn-etternavn-label = Last name
barn-fodselsdato-label = Date of birth
barn-bor_sammen-question = Does the child live with you?
barn-delt_bosted-question = Do you have an agreement on shared residence (delt bosted)?
barn-delt_bosted-hint = Shared residence means that the child lives equally with both parents.
barn-samvaer-label = How much of the time is the child with you, in percent?
barn-samvaer-hint = Write 0 if the child is not with you.
barn-add = Add another child
barn-remove = Remove the last child
barnebidrag-question = Do you pay or receive child support (barnebidrag)?
barnebidrag-ingen = No
barnebidrag-mottar = I receive child support
barnebidrag-betaler = I pay child support
barnebidrag-begge = Both

inntekt-legend = Income per month
inntekt-heading = Income and money you have
formue-legend = Money you have now
lonn-label = Pay after tax
trygd-label = Money from NAV (for example dagpenger, AAP or uføretrygd)
bostotte-label = Housing allowance (bostøtte) from Husbanken
studielan-label = Student loans and grants
barnebidrag_mottatt-label = Child support you receive
annen_inntekt-label = Other income
brukskonto-label = In your everyday account
sparekonto-label = In your savings account
annen_formue-label = Other money or things of value (for example a car or shares)

utgifter-legend = Expenses per month
utgifter-heading = Expenses
husleie-label = Rent
strom-label = Electricity
kommunale_avgifter-label = Municipal fees (kommunale avgifter)
boliglan-label = Mortgage (interest and repayments)
barnehage-label = Kindergarten (barnehage)
sfo-label = SFO or AKS (after-school care)
annen_utgift-label = Other regular expenses

kontonummer-label = Your account number
kontonummer-label-hint = 11 digits, for example 1234 56 78903.
har_ikke_konto-label = I do not have a bank account

## Summary
summary-intro = Check your answers before you send. You can change everything.
summary-edit = Change { $step }
summary-problems-heading = Some answers are missing or must be fixed before you can send
summary-documents-heading = Documents the office needs
summary-documents-text = Based on your answers, the office needs these documents. You send them after you have sent the application.
summary-goes-to = The application goes to { $office }.
bekreft-label = I confirm that the information is correct, and that the office may contact me about the application.

## Receipt
receipt-title = Your application has been sent
receipt-sent-to = { $office } received your application on { $sent }.
receipt-reference = Reference
receipt-sent = Sent
receipt-emergency-heading = Call the office now
receipt-emergency-text = You said that you need help today. Call { $office } right away, and you will get an answer today.
receipt-next-heading = What happens now
receipt-next-documents = Send the documents the office needs as soon as you can.
receipt-next-processing = The office will handle your application. It usually takes up to { $days } days.
receipt-next-decision = You will get a decision (vedtak) that says if you get support, how much, and when the money comes.
receipt-documents-heading = Documents you must send
receipt-follow = Follow your application in “My applications”
receipt-pdf = Download the application as a PDF
pdf-title = Application for financial assistance (økonomisk sosialhjelp)
pdf-applicant = Applicant
pdf-office = Sent to
pdf-page-label = Page { $page } of { $pages }

## Documents (attachments)
doc-kontooversikt = Bank statement for your everyday account, last month
doc-husleiekontrakt = Rental contract
doc-faktura-husleie = Receipt or invoice for rent
doc-faktura-strom = Electricity bill
doc-faktura-kommunaleavgifter = Invoice for municipal fees (kommunale avgifter)
doc-nedbetalingsplan = Repayment plan for your mortgage
doc-faktura-barnehage = Invoice for kindergarten
doc-faktura-sfo = Invoice for SFO or AKS
doc-lonnslipp = Payslip, last month
doc-student = Decision on student loans and grants
doc-bostotte = Decision on housing allowance (bostøtte)
doc-barnebidrag-betaler = Proof of child support you pay
doc-barnebidrag-mottar = Proof of child support you receive
doc-samvarsavtale = Agreement on contact time (samvær) or shared residence
doc-skattemelding = Tax return (skattemelding) or tax assessment (skatteoppgjør)

## Error messages by the fields
error-summary-heading = Fix this before you go on
error-required = You must answer this.
error-choose = Choose one of the answers.
error-choose-one-or-more = Choose at least one of the answers.
error-choice-unknown = The answer is not one of the choices. Choose again.
error-text-too-long = The text is too long. Write the most important things, more briefly.
error-text-unreadable = The text has characters we cannot read. Write it again.
error-number-format = Write a number, for example 2.
error-number-range = The number is outside what is possible here.
error-date-format = Write a valid date like this: 31.12.2015
error-belop-negative = The amount cannot be negative.
error-belop-format = Write the amount in numbers, for example 4500.
error-belop-too-large = The amount is too large. Check that it is correct.
error-telefon-format = Write a phone number with 8 digits, or with a country code (+46 …).
error-konto-missing = Write your account number, or tick the box to say you do not have a bank account.
error-konto-digits = The account number can only have digits (spaces and full stops are allowed).
error-konto-length = The account number must have 11 digits.
error-konto-checksum = This account number does not exist. Check that you have written all the digits correctly.
error-fnr-digits = The national identity number (fødselsnummer) can only have digits.
error-fnr-length = The national identity number (fødselsnummer) must have 11 digits.
error-fnr-checksum = The national identity number (fødselsnummer) is not valid. Check the digits.
error-kommune-unknown = Choose the municipality you live in from the list.
error-confirm = You must confirm that the information is correct before you send.

## Error pages
error-page-not-found = We cannot find the page
error-page-bad-token = The form has expired
error-page-too-large = What you sent was too large
error-page-internal = Something went wrong on our side
error-page-help = The answers you have already saved are not lost. Applications that are not sent are deleted after 14 days. Go back and try again.
error-page-back = Go to your application

## My applications
nav-my-applications = My applications
cases-title = My applications
cases-none = You have not sent any applications yet.
cases-new = Start a new application
cases-item-title = Application sent on { $date }
cases-item-tasks = The office is waiting for documents from you ({ $count })
case-title = Your application
case-back = Back to my applications
case-sent = Sent on { $date }. Reference: { $reference }
case-stages = How far your application has come
case-status-received = Received
case-status-processing = Being processed
case-status-decided = Decided
case-status-not-processed = Will not be processed
case-status-received-text = The office has your application. You usually get an answer by { $date }.
case-status-processing-text = A caseworker is working on your application. You usually get an answer by { $date }.
case-status-decided-text = The office has made a decision. See below what it means for you.
case-status-not-processed-text = The office will not process this application. Call the office if you want to know why.
case-preliminary = The office has sent you a preliminary answer: your application is taking longer than usual.
case-tasks-heading = What you need to do
case-tasks-text = The office needs these documents to process your application.
case-task-deadline = send by { $date }
case-decisions-heading = Decisions
case-decision-pending = not decided yet
case-decision-granted = granted on { $date }
case-decision-partly = partly granted on { $date }
case-decision-refused = refused on { $date }
case-decision-rejected = rejected on { $date }
case-decision-made = decided on { $date }
case-payments-heading = Payments
case-payment-paid = paid on { $date }
case-payment-planned = coming on { $date }
case-payment-stopped = stopped
case-conditions-heading = Conditions you must follow
case-timeline-heading = What has happened
case-looked-heading = Who has looked at your application
case-looked-none = No caseworker or system has opened your application yet.
audit-read-application = opened your application
audit-acknowledge = confirmed receiving your application
audit-update-status = updated the status
case-pdf = See the application you sent (PDF)
event-received = Your application was received.
event-processing = The office started processing your application.
event-done = Your application has been processed.
event-not-processed = The office will not process your application.
event-office = Your application was sent to { $office }.
event-decision-granted = Decision: your application was granted.
event-decision-partly = Decision: your application was partly granted.
event-decision-refused = Decision: your application was refused.
event-decision-rejected = Decision: your application was rejected.
event-decision = The office made a decision.
event-documents-requested = The office asked for { $count } documents.
event-preliminary = The office sent a preliminary answer.
event-paid = { $amount } was paid out.
event-payment-planned = A payment of { $amount } was planned.
event-payment-stopped = A payment of { $amount } was stopped.

## Sending documents later
upload-title = Send documents
upload-intro = The documents go to your application with reference { $reference }. You do not need to send a new application.
upload-how = Take a photo of each page, or choose PDF files. Pages of one document become one PDF, in the order you choose them.
upload-field-hint = Choose one or more photos or PDFs (at most 10 MB each).
upload-other = Other documents
upload-button = Send the documents
upload-choose-again = For your security, please choose the files again.
upload-error-none = You have not chosen any files.
upload-error-too-many = Too many or too large files. Send at most 30 files and 150 MB at a time.
upload-error-interrupted = The upload was interrupted. Nothing was saved. Please try again.
upload-error-empty = { $file } is empty.
upload-error-too-large = { $file } is larger than 10 MB. Take the photo again at a lower resolution, or split the PDF.
upload-error-not-an-image = { $file } is not a photo or PDF we can read.
upload-error-heic = { $file } is a HEIC photo. Please send it as JPEG (on iPhone: Settings → Camera → Formats → Most Compatible).
upload-error-unsupported-type = { $file } is in a file format we do not accept. Send JPEG, PNG or PDF.
upload-error-too-many-pixels = { $file } is far too large a picture. Take the photo again with the normal camera.
upload-error-broken-image = { $file } is damaged or only partly uploaded. Please try again.
upload-error-encrypted-pdf = { $file } is locked with a password. Send a version without a password.
upload-error-broken-pdf = { $file } is a damaged PDF. Try saving it again.
upload-error-pdf-javascript = { $file } contains program code we do not accept. Print it to PDF and send that.
upload-error-pdf-embedded-files = { $file } contains other files. Send each file on its own.
upload-error-pdf-forms-or-annotations = { $file } has filled-in form fields or comments. Use “Print → Save as PDF” and send that.
upload-error-unreadable = { $file } could not be read. Try again, or send a photo.
case-send-documents = Send documents
case-documents-heading = Documents you have sent
case-documents-none = You have not sent any documents yet.
case-document-sent = sent on { $date }
case-back-to-case = Back to your application
