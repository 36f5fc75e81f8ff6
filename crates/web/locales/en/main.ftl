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
step-saved-after-sign-in = You had been signed out when you saved this page. The answers you had typed are saved now.
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
signin-demo-explain = For trying things out only: choose a made-up person to log in as. Every person and case here is made up.
signin-demo-people = Made-up people
signin-as = Log in as { $name }
signin-person-details = Born { $born }, lives in { $kommune }
signin-not-configured = Login is not set up on this server yet. Contact your local office to apply.
signin-demo-heading = Demo login
signin-idporten-heading = Log in with ID-porten
signin-idporten-text = You log in with BankID, MinID, Buypass or Commfides. We use the login only to know who you are.
signin-idporten-text-high = You log in with BankID, Buypass or Commfides. We use the login only to know who you are.
signin-idporten-button = Log in with ID-porten
signin-try-again = Log in again
signin-failed-home = To the front page
signin-failed-cancelled-title = You cancelled the login
signin-failed-cancelled-text = Nothing has been saved or sent. Log in again when you are ready.
signin-failed-level-title = The login was not secure enough
signin-failed-level-text = You logged in at a lower security level than an application for social assistance requires. Log in again with BankID, MinID with a code, Buypass or Commfides.
signin-failed-level-text-high = You logged in at a lower security level than an application for social assistance requires here. Log in again with BankID, Buypass or Commfides.
signin-failed-identity-title = We could not tell who you are
signin-failed-identity-text = The login did not give us a valid national identity number or D number, so we cannot show applications. Try logging in again.
signin-failed-interrupted-title = The login was not completed
signin-failed-interrupted-text = This happens when the login takes too long, when it is open in two tabs, or when you go back in the browser during the login. You are not logged in. Start the login again.
signin-failed-unavailable-title = The login service is not answering right now
signin-failed-unavailable-text = We cannot reach the login service. Try again in a few minutes.
signin-failed-help-office = If it does not work, contact your NAV office. You can also apply on paper, by phone or by going to the office.

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
# In the summary and PDFs (the form's label says the question is optional).
summary-telefon = Phone number
summary-amounts = Amounts
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
summary-documents-text = Based on your answers, the office needs these documents. You can attach them now, or send them after you have sent the application.
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
receipt-next-processing = The office will handle your application. It usually takes up to { $days ->
        [one] { $days } day
       *[other] { $days } days
    }.
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
error-text-too-long = The text is too long. Write at most { $max } characters – the most important things, more briefly.
error-text-unreadable = The text has characters we cannot read. Write it again.
error-text-direction = The text has hidden characters that change the direction of writing, often from copying. Type the text yourself instead of pasting it.
error-number-format = Write a number, for example 2.
error-number-range = Write a number between { $min } and { $max }.
error-date-format = Write a valid date like this: 31.12.2015
error-belop-negative = The amount cannot be negative. Write an amount between 0 and { $max }.
error-belop-format = Write the amount in numbers, for example 4500, 4 500 or 4,500.
error-belop-too-large = The amount must be between 0 and { $max }. Check that it is correct.
error-telefon-format = Write a phone number with 8 digits, or with a country code (+46 …).
error-konto-missing = Write your account number, or tick the box to say you do not have a bank account.
error-konto-digits = The account number can only have digits (spaces and full stops are allowed).
error-konto-length = The account number must have 11 digits.
error-konto-checksum = This account number does not exist. Check that you have written all the digits correctly.
error-fnr-digits = The national identity number (fødselsnummer) can only have digits.
error-fnr-length = The national identity number (fødselsnummer) must have 11 digits.
error-fnr-checksum = The national identity number (fødselsnummer) is not valid. Check the digits.
error-fnr-date = The national identity number (fødselsnummer) does not start with a valid date. Check the digits.
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
case-sent = Sent on { $date }.
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
# Timeline entries, shared by the citizen's, a helper's and the office's pages: neutral wording
# ("the application"), as in bokmål and nynorsk.
event-received = The application was received.
event-processing = The office started processing the application.
event-done = The application has been processed.
event-not-processed = The office will not process the application.
event-office = The application was sent to { $office }.
event-office-unknown = another NAV office ({ $office })
event-decision-granted = Decision: the application was granted.
event-decision-partly = Decision: the application was partly granted.
event-decision-refused = Decision: the application was refused.
event-decision-rejected = Decision: the application was rejected.
event-decision = The office made a decision.
event-documents-requested = { $count ->
    [one] The office asked for one document.
   *[other] The office asked for { $count } documents.
}
event-preliminary = The office sent a preliminary answer.
event-paid = { $amount } was paid out.
event-payment-planned = A payment of { $amount } was planned.
event-payment-stopped = A payment of { $amount } was stopped.

## Sending documents later
upload-title = Send documents
upload-intro = The documents go to your application with reference { $reference }. You do not need to send a new application.
upload-how = Take a photo of each page, or choose PDF files. Pages of one document become one PDF, in the order you choose them.
upload-field-hint = Choose one or more photos or PDFs (at most { $mb } MB each).
upload-other = Other documents
upload-button = Send the documents
upload-error-none = You have not chosen any files.
upload-error-too-many = Too many or too large files. Send at most { $files ->
        [one] { $files } file
       *[other] { $files } files
    } and { $total_mb } MB at a time.
upload-error-interrupted = The upload was interrupted. Nothing was saved. Please try again.
upload-error-empty = { $file } is empty.
upload-error-too-large = { $file } is larger than { $mb } MB. Take the photo again at a lower resolution, or split the PDF.
upload-error-not-an-image = { $file } is not a photo or PDF we can read.
upload-error-heic = { $file } is a HEIC photo, which we cannot read yet. Please send it as JPEG: on iPhone, choose Settings → Camera → Formats → Most Compatible and take the photo again, or send a copy saved as JPEG.
upload-error-unsupported-type = { $file } is in a file format we do not accept. Send JPEG, PNG or PDF.
upload-error-too-many-pixels = { $file } is far too large a picture. Take the photo again with the normal camera.
upload-error-broken-image = { $file } is damaged or only partly uploaded. Please try again.
upload-error-encrypted-pdf = { $file } needs a password to open. Open it, choose “Print → Save as PDF”, and send the new file. Or download it again without a password.
upload-error-broken-pdf = { $file } is a damaged PDF. Try saving it again.
upload-error-unreadable = { $file } could not be read. Try again, or send a photo.
case-send-documents = Send documents
case-documents-heading = Documents you have sent
case-documents-none = You have not sent any documents yet.
case-document-sent = sent on { $date }
case-back-to-case = Back to your application
case-decision-letter = Read the decision (PDF)
case-letters-heading = Letters from the office
case-letter-sent = Sent on { $date }
case-letter-opened = You opened it on { $date }
case-letter-unopened = You have not opened it yet
upload-all-documents = Send other documents too
audit-read-application-pdf = downloaded your application as PDF
audit-read-submissions = downloaded the documents you sent
audit-read-file = opened a document
audit-read-letter = opened a letter from the office
audit-file-letter = filed a letter to you in the case
error-page-unavailable = We cannot save anything right now. Nothing was sent, and what you typed has been kept. Please try again in a few minutes. If it is urgent, call the office.
error-page-too-many = Too many tries in a short while – please wait a little
attach-title = Attach documents
attach-back = Back to the summary
attach-intro = Take photos of the documents or choose files. You see every page before you send. If you do not have a document now, you can send it later.
attach-other-why = Other documents you want the office to see.
attach-pages-of = Pages of { $document }
attach-page-alt = Page { $number } of { $document }
attach-page-number = Page { $number }
attach-pdf-pages = { $count ->
    [one] 1 page
   *[other] { $count } pages
}
attach-turn = Rotate
attach-earlier = Move earlier
attach-later = Move later
attach-remove = Remove
attach-camera = Take a photo with the camera
attach-files = Or choose photos or PDFs
attach-add = Attach { $document }
attach-choice-legend = Don't have the document now?
attach-choice-later = I will send it later or on paper
attach-choice-before = The office already has it
attach-choice-save = Save the choice
attach-done = Done with the documents
attach-error-duplicate = { $file } is already attached under { $document }.
attach-error-full = { $file } was not attached: you can attach at most { $files ->
        [one] { $files } file
       *[other] { $files } files
    } and { $total_mb } MB in all. Send the rest after you have sent the application.
summary-documents-link = Attach or change documents
summary-document-uploaded = attached
summary-document-before = the office already has it
summary-document-later = will be sent later
attach-error-convert = We could not make one PDF of this document's pages. Remove the pages and attach them again.

## Staff
staff-title = Velferd for staff
staff-signed-in-as = You are logged in as { $name }.
staff-office = Office
staff-roles = Roles
staff-role-saksbehandler = Caseworker
staff-role-leder = Manager
staff-role-kontaktsenter = Contact centre
staff-refused-title = You do not have access to Velferd
staff-refused-role-text = Your user has no role in Velferd. Ask whoever manages access in the municipality for the role caseworker (saksbehandler), manager (leder) or contact centre (kontaktsenter), and log in again.
staff-refused-office-text = Your user is not linked to a NAV office that Velferd knows. Ask whoever manages access in the municipality to register your office, and log in again.
staff-signin-not-configured = Staff login is not set up on this server.
staff-signed-out-title = You are logged out
staff-signed-out-text = You are logged out of Velferd. If you use a shared computer, close the browser.
staff-sign-in-again = Log in again

# Caseworker pages and protected persons
staff-role-fortrolig = Access to people with a confidential address
staff-cases-link = Applications to the office
staff-no-case-access = Your role does not give access to cases. The contact centre will get its own overview later.
staff-back-home = Back to the staff front page
staff-cases-title = Applications to the office
staff-cases-office = Applications sent to { $office }. Emergency applications come first, then the newest.
staff-cases-none = The office has not received any applications yet.
staff-cases-caption = Applications, emergencies first
staff-cases-received = Received
staff-cases-status = Status
staff-emergency = Emergency
staff-protected-6 = Strictly confidential address (code 6)
staff-protected-7 = Confidential address (code 7)
staff-case-title = Application { $reference }
staff-case-heading = Application
staff-footer-text = Velferd for staff. Everything you see and do here is logged. Questions about access: ask your office lead.
staff-case-back = Back to the applications
staff-case-received = Received { $date }.
staff-case-applied-in = The application was written in { $language }; letters go out in that language unless you choose another.
staff-case-emergency-text = the applicant has no food or no place to sleep today. Contact them today.
staff-case-protected-text = the address is not shown or printed. Do not give out anything about where the person lives.
staff-case-applicant = Applicant
staff-case-answers = The answers in the application
staff-case-pdf = The application as PDF
staff-case-documents-none = The applicant has not sent any documents yet.
staff-case-documents = Documents the applicant has sent
staff-case-letter-opened = The applicant opened it on { $date }
staff-case-letter-unopened = The applicant has not opened it yet
staff-event-documents-sent = { $count ->
    [one] The applicant sent one document.
   *[other] The applicant sent { $count } documents.
}
staff-inbox-none = No applications match this view.
staff-demo-title = Demo sign-in for staff
staff-demo-explain = For trying out only: choose a made-up staff member to sign in as. Every person and case here is made up.
staff-demo-people = Made-up staff
staff-demo-details = { $office } · { $roles }
signin-demo-staff = Want to see how caseworkers work? Sign in as staff
error-page-forbidden = You do not have access to this page
error-page-staff-help = Go back and try again. If you think you should have access, ask whoever grants access in the municipality.
error-page-staff-back = To the staff front page

helper-acting-for = You see this application because { $name } has given you a power of attorney. You see only what it covers.
helper-heading = Someone who helps you
helper-text = You can let someone you trust (family, a guardian, someone who helps you) follow this application. They see the status, what the office asks for, decisions and payments – not your answers, documents or letters. You can take it back at any time.
helper-revoke = Take back
helper-add = Give someone a power of attorney
helper-name = The person's name
helper-fnr = The person's national identity number
helper-fnr-hint = 11 digits. The person signs in as themselves and finds the application under “My applications”.
helper-period = How long should it last?
helper-months-1 = 1 month
helper-months-3 = 3 months
helper-months-6 = 6 months
helper-months-12 = 12 months
helper-may-send = The person may also send documents to the application for me
helper-give = Give power of attorney
helper-scope-follow = May follow the application
helper-scope-documents = May follow the application and send documents
helper-until = Valid until { $date }
helper-expired = Expired on { $date }
helper-revoked = Taken back on { $date }
helper-error-self = You cannot give a power of attorney to yourself.
helper-error-fnr = The number is not right. Check that you have written all 11 digits.
helping-heading = Applications you help with
helping-text = These people have given you a power of attorney to follow their application.
helping-item-title = { $name }'s application, sent { $date }
audit-helper-view = looked at your case (power of attorney)
audit-helper-send-documents = sent documents for you (power of attorney)
attach-file-alt = File { $number } of { $document } (PDF, { $count ->
    [one] one page
   *[other] { $count } pages
})
error-page-not-in-register = We cannot find you in the population register, so the application cannot be sent from here. Your answers are saved. Call your NAV office and they will help you.

## The office's work on a case (caseworker workspace)
staff-role-veileder = Adviser
staff-role-beslutter = Approver
office-refused-case-system = The municipality's own case system holds this case. Make the changes there and they will show here.
office-refused-closed = The case is closed. You can write internal notes, but not change the case.
office-refused-already-processing = The case is already being processed.
office-refused-date = Write the date as dd.mm.yyyy, for example 07.12.2026.
office-refused-date-past = The date cannot be in the past. Choose today or a later day.
office-refused-date-far = The date can be at most 90 days ahead.
office-refused-too-long = The text is too long. Notes can have at most 10,000 characters, messages and reasons at most 2,000.
office-refused-unreadable = The text has characters that cannot be read. Please type it again.
office-refused-direction = The text has hidden characters that change the direction of writing (often from copying). Please type it again instead of pasting it.
office-refused-empty = Write something here before you save.
office-refused-assignee = The case can only be given to a caseworker at the office that has the case.
office-refused-document-type = Choose documents from the list, or describe the document in your own words.
office-refused-no-documents = Choose at least one document, or write which document you need.
office-refused-unknown-action = We did not understand what you wanted to do. Please try again.
event-documents-sent = { $count ->
    [one] You sent one document.
   *[other] You sent { $count } documents.
}
case-answered-heading = What you have sent
case-task-sent = sent { $date }
case-task-promised = you said this would come later
letter-to = To: { $name }
letter-from = From: { $office }
letter-date = Date: { $date }
letter-reference = Application: { $reference }
letter-page = Page {"{"}page{"}"} of {"{"}pages{"}"}
letter-contact-heading = Questions
letter-contact-text = Call { $office } on { $phone } if you have questions or need help.
letter-signed = Kind regards, { $caseworker }, { $office }
letter-request-title = We need more documents
letter-request-summary = { $count ->
    [one] Please send this document by { $date }:
   *[other] Please send these { $count } documents by { $date }:
}
letter-request-note = Message from your caseworker
letter-request-what = What you need to do
letter-request-how-heading = How to send them
letter-request-how = Sign in and open your application under “My applications”. Tap the document, take a photo of it or choose the file, and send. You can also bring the documents to the office.
letter-request-late-heading = If you cannot make the deadline
letter-request-late = Call us before { $date } if you need more time or do not have the document. If the documents do not come, we may have to decide on your application with the information we have.
letter-preliminary-title = Preliminary answer to your application
letter-preliminary-heading = It is taking longer than usual
letter-preliminary-summary = We have not been able to process your application yet. You will get an answer by { $date }.
letter-preliminary-reason = Why it takes time
letter-preliminary-law = We send this answer because the Public Administration Act § 11 a says you shall have a preliminary answer when an application cannot be answered within a month.
letter-not-processed-title = Your application will not be processed
letter-not-processed-heading = What this means for you
letter-not-processed-summary = We will not process this application.
letter-not-processed-reason = Reason
letter-not-processed-next-heading = What you can do
letter-not-processed-next = You can send a new application at any time. If you disagree, you can call us or complain. If you have no food or nowhere to sleep today, call the office now.
staff-inbox-office = Applications to { $office }. Emergency applications come first, then those who have waited longest.
staff-inbox-filters = Show applications
staff-inbox-search = Search
staff-inbox-search-hint = Reference (VF-…), national identity number or name
staff-inbox-search-button = Search
staff-inbox-assignee = Caseworker
staff-inbox-unassigned = Nobody yet
staff-inbox-waiting-for = Waiting for
staff-inbox-overdue = deadline passed
staff-inbox-near-limit = Close to the one-month limit without a decision (Public Administration Act § 11 a): send a preliminary answer.
staff-inbox-pages = Pages
staff-inbox-previous = Previous page
staff-inbox-next = Next page
staff-inbox-documents = { $count ->
    [one] one document
   *[other] { $count } documents
}
staff-inbox-documents-deadline = { $documents }, deadline { $date }
staff-inbox-showing = Showing: { $filter }, page { $page }.
staff-filter-open = Open
staff-filter-new = New
staff-filter-mine = Mine
staff-filter-unassigned = Without caseworker
staff-filter-overdue = Document deadline passed
staff-filter-near-limit = Close to the one-month limit
staff-filter-all = All, closed ones too
staff-waited-days = { $days ->
    [0] today
    [one] 1 day
   *[other] { $days } days
}
staff-case-waited = { $days ->
    [0] Came in today.
    [one] Has waited 1 day.
   *[other] Has waited { $days } days.
}
staff-case-conflict = Someone else changed the case while you had it open. See what is new below. What you wrote has been kept; send it again if it still fits.
staff-case-case-system = The municipality's own case system holds this case. Status, decisions and letters come from there; here you can read the case, take it and write internal notes.
staff-case-assign-me = Take the case
staff-case-unassign = Let go of the case
staff-case-take = Start processing
staff-case-assign-colleague = Give the case to a colleague
staff-case-colleague = Colleague
staff-case-assign = Give the case
staff-case-actions = Actions
staff-case-request = Ask for documents
staff-case-request-documents = Documents the applicant must send
staff-case-request-other = Another document (in your own words)
staff-case-request-note = Message to the applicant (optional)
staff-case-request-note-hint = Goes into the letter. Write simply; the applicant reads it.
staff-case-request-deadline = Deadline
staff-case-request-deadline-hint = Usually 7 days. Write dd.mm.yyyy if you cannot pick a date.
staff-case-request-send = Send request and letter
staff-case-letter-language = Language of the letter
staff-case-preliminary = Send a preliminary answer
staff-case-preliminary-date = When will the applicant get an answer?
staff-case-preliminary-reason = Why does it take time? (optional)
staff-case-preliminary-send = Send preliminary answer
staff-case-sak = Open a case
staff-case-sak-title = What the case is about
staff-case-sak-hint = For example “Living costs December” or “Deposit”. The applicant sees the title.
staff-case-sak-open = Open case
staff-case-not-processed = The application will not be processed
staff-case-not-processed-reason = Reason
staff-case-not-processed-hint = For example that the application was sent twice or withdrawn. Goes into the letter to the applicant.
staff-case-not-processed-send = Close without processing
staff-case-journal = Internal notes
staff-case-journal-hint = Only staff at the office see the notes. A note cannot be changed; write a new one to correct it.
staff-case-note = New note
staff-case-note-save = Save note
staff-case-requests = Documents the office asked for
staff-case-requests-none = The office has not asked for documents.
staff-case-request-answered = sent { $date }
staff-case-request-overdue = not sent, the deadline { $date } has passed
staff-case-request-open = not sent yet, deadline { $date }
staff-case-merged = All documents in one PDF
staff-case-letters = Letters
staff-case-letters-none = No letters on the case yet.
staff-case-document-with-application = sent with the application { $date }
staff-case-document-later = sent later { $date }
staff-journal-note = { $name }: { $text }
staff-journal-assigned = { $name } gave the case to { $to }.
staff-journal-took = { $name } took the case.
staff-journal-unassigned = { $name } let go of the case.
staff-journal-requested = { $name } asked for: { $documents }.
staff-journal-not-processed = { $name } closed it without processing: { $text }
staff-journal-processing = { $name } started processing.
staff-journal-preliminary = { $name } sent a preliminary answer: an answer by { $date }.
staff-journal-sak = { $name } opened the case “{ $title }”.
staff-done-behandle = The application is being processed. The applicant sees it now.
staff-done-tildel = The case has been assigned.
staff-done-slipp = You have let go of the case.
staff-done-notat = The note has been saved.
staff-done-etterspor = The request and the letter have been sent. The applicant sees them now.
staff-done-forelopig = The preliminary answer has been sent.
staff-done-sak = The case has been opened.
staff-done-behandles-ikke = The application was closed without processing, and the letter has been sent.
staff-merged-title = Documents in application { $reference }
staff-merged-count = { $count ->
    [one] One document.
   *[other] { $count } documents.
}
audit-list-applications = looked at the list of applications
audit-search-applications = searched for you
audit-take-into-processing = started processing the application
audit-assign = took the case
audit-unassign = let go of the case
audit-write-note = wrote an internal note
audit-request-documents = asked for documents
audit-preliminary-answer = sent a preliminary answer
audit-open-sak = opened a case
audit-will-not-process = closed the application without processing
# The emergency notice on the case page
case-emergency-text = You said that you need help today. Call { $office } on { $phone } now, and you will get an answer today.
helper-emergency-text = { $name } said that they need help today. Call { $office } on { $phone } now, and { $name } will get an answer today.
# The start page offers a way to one's applications; drafts under "My applications"
home-mine-heading = Have you applied before?
home-mine-text = Under “My applications” you see the applications you have sent, what the office is waiting for from you, and applications you have started and not sent.
home-mine-sign-in = Log in to see your applications
home-mine-open = Go to “My applications”
cases-drafts-heading = Not sent yet
cases-draft-title = Application to { $kommune }
cases-draft-saved = Last saved { $saved }.
cases-draft-continue = Continue
cases-sent-heading = Sent applications
# The receipt: each expected document with what the citizen did about it
receipt-documents-done-heading = Documents in the application
receipt-documents-how = You send them under “My applications” → the application → “Send documents”. You do not need to send a new application.
document-state-attached = attached
document-state-office-has-it = the office already has it
document-state-to-send = still to send
# Who has looked: one line per person and day
case-looked-times = { $action } ({ $count ->
        [one] { $count } time
       *[other] { $count } times
    })
# A helper's pages speak of the person they help
helper-case-title = { $name }'s application
helper-case-status-received-text = The office has received { $name }'s application. { $name } usually gets an answer by { $date }.
helper-case-status-processing-text = A caseworker is working on { $name }'s application. { $name } usually gets an answer by { $date }.
helper-case-status-decided-text = The office has made a decision on { $name }'s application. See what it means below.
helper-case-status-not-processed-text = The office will not process { $name }'s application. Call the office if you wonder why.
helper-case-preliminary = The office has sent { $name } a preliminary answer: processing the application takes longer than usual.
helper-case-tasks-heading = What the office is waiting for from { $name }
helper-case-tasks-text = The office needs these documents to process { $name }'s application.
helper-case-answered-heading = What has been sent to { $name }'s application
helper-case-conditions-heading = Conditions { $name } must meet
helper-event-documents-sent = { $count ->
    [one] One document was sent to the application.
   *[other] { $count } documents were sent to the application.
}
helper-upload-intro = The documents are sent to { $name }'s application with reference { $reference }. No new application is needed.
helper-sent-title = The documents have been sent
helper-sent-text = { $count ->
    [one] You sent one document to { $name }'s application on { $date }:
   *[other] You sent { $count } documents to { $name }'s application on { $date }:
}
helper-sent-next = The office sees the documents in { $name }'s case, and { $name } sees them under “My applications”.
helper-back-to-case = Back to { $name }'s application
# Sending documents later: files are kept with previews until sending
upload-kept-note = The files that could be used are kept and shown below. Choose a new file only where it says what is wrong.
upload-kept-heading = Chosen and ready to send:
upload-kept-count = { $count ->
    [one] One file is chosen and ready to send.
   *[other] { $count } files are chosen and ready to send.
}
upload-add-button = Add the files without sending
helper-upload-title = Send documents for { $name }
# Every answer soknad.json carries in the summary: the partner's number, where each child lives
summary-partner-fnr = Spouse's or partner's national identity number
summary-barn-bor-sammen = Child { $number } lives with you
summary-barn-delt-bosted = Child { $number } has shared residence
summary-barn-samvaer = Child { $number } is with you
# The case page: what the citizen told the office about documents
case-told-heading = What you told the office about the documents
case-told-text = When you sent the application, you said this about the documents the office needs:
case-told-warnings = We told you that these pages may not be readable:
case-told-warning = { $document }, page { $number } ({ $file }): { $warning }
# KID on a third party's invoice (ids::Kid)
error-kid-format = A KID can only have digits, and a hyphen at the very end.
error-kid-length = A KID has between 2 and 25 characters.
error-kid-checksum = This KID does not exist. Check that you have written all the digits as they are on the invoice.
# The calculation (calculation.rs): lines for the caseworker
calc-line-adult-single = Living costs, single adult
calc-line-adult-couple = Living costs, married or cohabiting couple
calc-line-adult-shared = Living costs, adult in shared housing
calc-line-child = Living costs, child aged { $age } (rate for { $from }–{ $to } years)
calc-line-household = Shared household costs, { $persons } people
calc-line-housing = Housing cost: { $label }
calc-line-electricity = Electricity and heating: { $label }
calc-line-expense = Other approved expense: { $label }
calc-line-income-work = Income, work: { $label }
calc-line-income-benefit = Income, benefit or pension: { $label }
calc-line-income-housing-allowance = Income, housing allowance: { $label }
calc-line-income-child-support = Income, child maintenance: { $label }
calc-line-income-other = Other income: { $label }
# The calculation in plain words for the citizen
calc-citizen-adult-single = For food, clothes and other everyday costs for you
calc-citizen-adult-couple = For food, clothes and other everyday costs for the two of you
calc-citizen-adult-shared = For food, clothes and other everyday costs for you, sharing a home with others
calc-citizen-child = For everyday costs for your child aged { $age }
calc-citizen-household = For costs your household shares ({ $persons } people)
calc-citizen-housing = For your home: { $label }
calc-citizen-electricity = For electricity: { $label }
calc-citizen-expense = For: { $label }
calc-citizen-income = Money you receive: { $label }
calc-refused-no-rates = There are no rates for this date. Contact whoever looks after the rates.
calc-refused-child-age = The rates for children go up to 17 years. Count older children as adults.
calc-refused-household-size = The rates have no figure for this many people in the household.
calc-refused-child-benefit = Child benefit is not counted as income (Social Services Act section 18, third paragraph). Remove the line.
calc-refused-zero = The amount must be more than NOK 0.
calc-refused-too-many = The calculation can have at most 40 lines of each kind.
calc-refused-too-large = The total is too large. Check that the amounts are right.
calc-refused-amount = Write the amount in kroner, for example 12 500 or 1 200,50.
calc-refused-override-reason = Write why you are changing the amount from the calculation.
calc-warning-rates-unchecked = The rates have not been checked against their source ({ $source }). Check them before you use the calculation.
calc-warning-rates-old = The rates are from { $valid_from } and more than a year old. Newer rates are missing.
# Decisions (vedtak.rs)
vedtak-outcome-granted = Granted
vedtak-outcome-partly-granted = Partly granted
vedtak-outcome-refused = Refused
vedtak-outcome-dismissed = Dismissed
vedtak-stage-draft = Draft
vedtak-stage-awaiting = Waiting for approval
vedtak-stage-returned = Returned with a comment
vedtak-stage-approved = Decided
payment-status-planned = Planned
payment-status-paid = Paid
payment-status-stopped = Stopped
vedtak-refused-not-processing = The case must be under processing before you can make a decision.
vedtak-refused-own = You cannot approve or return your own decision. Another approver must do it.
vedtak-refused-not-beslutter = Only an approver or a manager can approve decisions.
vedtak-refused-locked = The decision has been sent for approval or made, and cannot be changed.
vedtak-refused-not-author = Only the person who wrote the decision can send it for approval or take it back.
vedtak-refused-not-awaiting = The decision is not waiting for approval.
vedtak-refused-not-approved = The decision has not been made yet.
vedtak-refused-no-hjemmel = Choose at least one legal basis.
vedtak-refused-unknown-hjemmel = Choose a legal basis from the list.
vedtak-refused-payment-without-grant = A decision that grants nothing cannot have payments.
vedtak-refused-conditions-without-grant = A decision that grants nothing cannot have conditions or documentation requirements.
vedtak-refused-vilkar-hjemmel = A decision with conditions must cite section 20 or 20 a of the Social Services Act.
vedtak-refused-duplicate-reference = Two payments, conditions or requirements have the same reference.
vedtak-refused-unknown-payment = The condition or requirement is about a payment that is not in the decision.
vedtak-refused-payment-zero = The payment must be more than NOK 0.
vedtak-refused-payment-too-large = A payment can be at most NOK 500 000. Check the amount.
vedtak-refused-payment-due-past = The due date cannot be in the past.
vedtak-refused-payment-due-far = The due date can be at most one year ahead.
vedtak-refused-payment-period = The period cannot end before it starts.
vedtak-refused-payment-not-planned = The payment has already been paid or stopped.
# Appeals (klage)
klage-in-time = The appeal came in time (deadline { $deadline }).
klage-late = The appeal came after the deadline ({ $deadline }), { $days ->
    [one] one day late.
   *[other] { $days } days late.
}
klage-late-reason-asked = Your appeal has been received, but it came late. Tell us why, and we will consider whether it can be dealt with anyway.

## Workspace II: decisions and payments

staff-filter-awaiting-approval = Awaiting my approval
staff-filter-returned = Returned to me
staff-case-decide-heading = Calculation, decision and payments
staff-case-decide-text = Calculate the assistance, write the decision, send it for approval and follow the payments.
staff-case-decide-link = Go to calculation and decision
staff-journal-calculation = { $name } saved a calculation: { $amount }.
staff-journal-decision-draft = { $name } saved a draft decision.
staff-journal-decision-submitted = { $name } sent the decision for approval.
staff-journal-decision-returned = { $name } returned the decision: { $text }
staff-journal-decision-made = { $name } made the decision: { $outcome }.
staff-journal-payment-planned = { $name } planned a payment: { $text }.
staff-journal-payment-paid = { $name } marked a payment as paid: { $text }.
staff-journal-payment-stopped = { $name } stopped a payment: { $text }.
calc-refused-adults = Choose how the adults of the household live.
calc-refused-child-format = Write each child's age in figures, separated by commas, for example 4, 12.
vedtak-refused-outcome = Choose the outcome.
vedtak-refused-unknown-sak = Choose a case from the list, or a new one.
vedtak-refused-period-dates = Write both the first and the last day of the period, or neither.
vedtak-refused-paid-future = The payment date cannot be in the future.
letter-vedtak-title = Decision on financial assistance
letter-vedtak-summary-heading = In short
letter-vedtak-outcome-granted = You get assistance: { $sak }.
letter-vedtak-outcome-partly-granted = You get part of what you applied for: { $sak }.
letter-vedtak-outcome-refused = You do not get assistance: { $sak }.
letter-vedtak-outcome-dismissed = We have not considered your application for { $sak }; see the reasons below.
letter-vedtak-payment = { $amount } to { $to }, paid on { $due }: { $what }
letter-vedtak-to-you = you (account { $account })
letter-vedtak-todo-heading = What you must do
letter-vedtak-todo-none = You do not need to do anything now.
letter-vedtak-condition = Condition: { $title }
letter-vedtak-requirement = Send us { $title } by { $date }.
letter-vedtak-requirement-no-date = Send us { $title }.
letter-vedtak-calculation-heading = How we calculated
letter-vedtak-calculation-total = What you get
letter-vedtak-reasons-heading = Reasons
letter-vedtak-hjemmel-heading = The decision is based on
letter-vedtak-appeal-heading = If you disagree: appeal
letter-vedtak-appeal = You can appeal against this decision until { $date } (three weeks after you received it). Send your appeal to { $office }.
letter-vedtak-appeal-how = Write what you disagree with and why. You can appeal under "My applications" on the website, send a letter or visit { $office }. If we do not change the decision, we send your appeal to the County Governor (Statsforvalteren), who decides it.
letter-vedtak-documents = You have the right to see the documents in your case (Public Administration Act § 18). Ask us and you will get them.
decide-title = Calculation and decision { $reference }
decide-back = Back to the case
decide-heading = Calculation and decision
decide-calc-heading = Calculation
decide-calc-none = Nothing has been calculated yet.
decide-calc-edit = Calculate
decide-calc-line = Line
decide-calc-amount = Per month
decide-calc-need = Total need
decide-calc-income = Total income
decide-calc-proposed = Proposed assistance
decide-calc-overridden = The caseworker set the assistance to { $amount }.
decide-calc-by = Saved by { $name } { $date }.
decide-calc-rates = Rates: { $source }, valid from { $date }
decide-calc-section-sats = rate
decide-calc-section-utgift = expense
decide-calc-section-inntekt = income
decide-calc-adults = Adults in the household
decide-adults-single = Single
decide-adults-couple = Married or cohabiting couple
decide-adults-shared = Lives in shared housing
decide-calc-children = Children (age)
decide-calc-children-hint = Each child's age, separated by commas, for example 4, 12. Leave empty when there are no children.
decide-calc-expenses = Approved expenses per month
decide-calc-expense-row = Expense { $number }
decide-calc-income-rows = Income per month
decide-calc-income-row = Income { $number }
decide-calc-kind = Kind
decide-calc-text = What it is
decide-calc-row-amount = Amount in kroner
decide-expense-housing = Housing
decide-expense-electricity = Electricity and heating
decide-expense-other = Other expense
decide-income-work = Work
decide-income-benefit = Benefit or pension
decide-income-housing-allowance = Housing allowance
decide-income-child-support = Child maintenance
decide-income-child-benefit = Child benefit
decide-income-other = Other income
decide-calc-override = Another amount than calculated
decide-calc-override-hint = Leave empty to use the proposed assistance.
decide-calc-override-amount = Assistance in kroner
decide-calc-override-reason = Why you change the amount
decide-calc-save = Save the calculation
decide-decisions-heading = Decisions
decide-decisions-none = No decision has been written yet.
decide-decision-heading = Decision { $number }
decide-author = Written by
decide-sak = Case
decide-sak-new = New case
decide-sak-title = Title of the case
decide-sak-title-hint = What the applicant sees, for example "Living costs December". Empty: Økonomisk sosialhjelp.
decide-outcome = Outcome
decide-reasons = Reasons
decide-hjemler = Legal basis
decide-approved-by = Approved by
decide-payments = Payments
decide-conditions = Conditions
decide-requirements = Documentation requirements
decide-letter = Read the decision letter (PDF)
decide-edit = Change the decision
decide-approve = Approve and make the decision
decide-return = Return
decide-comment = Comment to the one who wrote the decision
decide-returned = Returned by { $name }: { $comment }
decide-returned-to-you = Returned to you: { $comment }
decide-new = New decision
decide-change = Change the decision
decide-default-payment = Living costs
decide-term-title = Title
decide-term-description = Explanation for the applicant
decide-term-deadline = Deadline
decide-condition-row = Condition { $number }
decide-requirement-row = Documentation requirement { $number }
decide-payment-row = Payment { $number }
decide-payment-what = What the payment is for
decide-payment-amount = Amount in kroner
decide-payment-due = Due date
decide-payment-from = Period from
decide-payment-to = Period to
decide-payment-recipient = Recipient
decide-recipient-citizen = the applicant
decide-recipient-other = Another recipient (landlord, energy company)
decide-payment-name = Name of the other recipient
decide-payment-name-hint = As on the invoice. Only for another recipient.
decide-payment-account = Account number
decide-payment-kid = KID
decide-payment-kid-hint = From the invoice, if it has a KID.
decide-payment-line = { $amount } – { $what }, due { $date }, to { $to }
decide-save-draft = Save draft
decide-submit = Send for approval
decide-make = Make the decision
decide-payments-heading = Payments
decide-payments-none = No payments yet.
decide-payment-planned = Planned
decide-payment-paid = Paid { $date }
decide-payment-stopped = Stopped
decide-paid-on = Date paid
decide-mark-paid = Mark as paid
decide-stop = Stop the payment
decide-plan = Plan another payment
decide-plan-which = Decision
decide-plan-save = Plan the payment
decide-done-utregning = The calculation is saved.
decide-done-utkast = The draft is saved.
decide-done-send = The decision is sent for approval. It goes to the applicant once a beslutter has approved it.
decide-done-fattet = The decision is made and sent to the applicant.
decide-done-godkjenn = The decision is approved and sent to the applicant.
decide-done-returner = The decision is returned with your comment.
decide-done-planlegg = The payment is planned.
decide-done-utbetalt = The payment is marked as paid.
decide-done-stopp = The payment is stopped.
audit-save-calculation = calculated the assistance
audit-draft-decision = drafted a decision
audit-submit-decision = sent the decision for approval
audit-make-decision = made the decision
audit-approve-decision = approved the decision
audit-return-decision = returned the decision with a comment
audit-plan-payment = planned a payment
audit-mark-payment-paid = marked a payment as paid
audit-stop-payment = stopped a payment
staff-case-decide-calculated = Calculated assistance: { $amount }.
case-calculation-heading = How we calculated: { $sak }
case-calculation-what = What
case-calculation-month = Per month
case-calculation-total = What you get
## Dialogue: the conversation between a person and the office
message-heading = Write to the office
message-none = You have not written to the office about this application yet. Here you can ask a question or tell them about something that has changed.
message-label = Your message
message-hint = The office answers within two working days. Documents the office has asked for go under “Send documents”.
message-emergency = I have no food or place to sleep today
message-send = Send message
message-sent = Your message has been sent.
message-answer-by = You will normally get an answer by { $date }.
message-from-you = You
message-from-office = { $name }, { $office }
message-emergency-tag = Urgent
message-call-now = Call { $office } now, and you will get help today. Do not wait for an answer to your message.
message-case-closed = This case is closed, so you can no longer write here. Send a new application, or call { $office } on { $phone }.
error-message-empty = Write a message before you send it.
error-message-case-closed = This case was closed too long ago for you to write here. Send a new application, or call the office.
staff-messages-title = Messages waiting for an answer
staff-messages-office = Messages to { $office }. The office answers within two working days; the oldest and the urgent ones are at the top.
staff-messages-none = No messages are waiting for an answer.
staff-messages-emergency = Urgent: no food or place to sleep today
staff-messages-col-since = Waiting since
staff-messages-col-answer-by = Answer due
staff-messages-since = { $date } ({ $days ->
    [one] one working day
   *[other] { $days } working days
})
staff-messages-answer-by = Answer by { $date }
staff-messages-overdue = Overdue since { $date }
staff-messages-link = Messages
staff-conversation-title = Messages on case { $reference }
staff-conversation-back = Back to the case
staff-conversation-none = No messages on this case yet. You can write first.
staff-answer-label = Answer
staff-answer-hint = Your answer is sent with your name and the office's name, and cannot be changed afterwards. Write plainly and to the point.
staff-answer-send = Send answer
staff-answer-sent = Your answer has been sent.
audit-read-messages = read the messages
audit-answer-message = answered a message
audit-list-messages = looked at the list of messages
event-message-written = You wrote to the office.
event-message-answered = { $office } answered your message.
helper-event-message-written = { $name } wrote to the office.
staff-event-message-written = The applicant wrote to the office.
helper-event-message-answered = { $office } answered a message.

## Notifications (varsler): never personal or case content
notice-subject = News from your welfare office
notice-log-in = Log in on the website where you applied for financial assistance to read it. We never send personal information by text message or e-mail.
notice-ny-melding = You have a new message from your welfare office.
notice-dokumentasjon-etterspurt = Your welfare office asks you to send documents.
notice-vedtak = You have an answer to your application.
notice-utbetaling-planlagt = A payment has been planned.
notice-frist-snart = The deadline for sending documents is coming up.
notice-mote = You have an appointment with your welfare office, or an appointment has changed.
notices-title = Notifications by text message and e-mail
notices-back = Back to your applications
notices-intro = We tell you by text message or e-mail when something happens on your case. The notification never says what it is about – you log in to read it.
notices-saved = Your choices have been saved.
notices-default-sms = You have not chosen yet. Until you do, you get text messages to the mobile number you gave in your application.
notices-default-none = You have not chosen yet, and we do not have your mobile number. Enter it below to get notifications.
notices-how = How do you want to be notified?
notices-sms = Send text messages
notices-phone = Mobile number
notices-email = Send e-mails
notices-email-address = E-mail address
notices-what = What do you want to be notified about?
notices-always = You always get these, because the law requires that you are told:
notices-save = Save
notices-kind-ny-melding = New messages from the office
notices-kind-dokumentasjon-etterspurt = When the office asks you to send documents
notices-kind-vedtak = The answer to your application (decision)
notices-kind-utbetaling-planlagt = Planned payments
notices-kind-frist-snart = Two days before a deadline
notices-kind-mote = Appointments with the office
notices-link = Choose how you are notified
error-email = Enter an e-mail address like name@example.com.
error-notice-email-missing = Enter the e-mail address you want notifications sent to, or untick e-mail.
error-notice-phone-missing = Enter the mobile number you want text messages sent to, or untick text messages.
notice-mote-i-morgen = You have an appointment with your welfare office tomorrow.
notices-kind-mote-i-morgen = A reminder the day before an appointment

## Meetings (møter)
weekday-1 = Monday
weekday-2 = Tuesday
weekday-3 = Wednesday
weekday-4 = Thursday
weekday-5 = Friday
weekday-6 = Saturday
weekday-7 = Sunday
meeting-kind-oppmote = In person
meeting-kind-telefon = Phone – we call you
meeting-kind-video = Video
meeting-room = room { $room }
meeting-ics-title = Appointment with { $office }
meeting-ics-description = { $how }. With { $name }.
case-meetings-heading = Appointments with the office
case-meeting-with = With { $name }
case-meeting-cancelled = cancelled
case-meeting-ics = Add to your calendar
case-meeting-move = Ask to move the appointment
case-meeting-move-label = Why, and when would suit you better?
case-meeting-move-hint = The office answers within two working days. The appointment stands until you have an answer.
case-meeting-move-send = Send the request
case-meeting-move-asked = You have asked to move the appointment. The office answers you under “Write to the office”.
staff-meetings-link = Appointments
staff-meetings-title = Appointments on case { $reference }
staff-meetings-none = No appointments on this case.
staff-meetings-list = Appointments
staff-meeting-conflict = Someone else changed the appointment while the page was open. Look it over and try again.
staff-meeting-cancelled = cancelled
staff-meeting-cancel = Cancel
staff-meeting-book = New appointment
staff-meeting-date = Date
staff-meeting-time = Time
staff-meeting-time-hint = On the quarter hour, between 08:00 and 16:00, for example 09:30.
staff-meeting-minutes = Length in minutes
staff-meeting-kind = How
staff-meeting-place = Place or link
staff-meeting-place-hint = In person: the address. Video: the link (https://…). Phone: may be empty, you call the number in the application.
staff-meeting-room = Meeting room (optional)
staff-meeting-book-button = Book the appointment
staff-meeting-move-asked = On { $date } the applicant asked to move the appointment: “{ $text }”
staff-meeting-done-booket = The appointment is booked, and the applicant is notified.
staff-meeting-done-avlyst = The appointment is cancelled, and the applicant is notified.
error-meeting-date = Enter a date, for example 07.12.2026.
error-meeting-past = That time has passed. Choose a later one.
error-meeting-day-off = That day is a weekend or a public holiday. Choose a working day.
error-meeting-time = Choose a time on the quarter hour, so that the appointment ends by 16:00.
error-meeting-minutes = Enter a length from 15 to 120 minutes, in quarter hours.
error-meeting-kind = Choose how the appointment is held.
error-meeting-place = Enter the address for an appointment in person, or a link starting with https:// for video.
error-meeting-caseworker-taken = You already have an appointment at that time. Choose another.
error-meeting-room-taken = The room is taken at that time. Choose another room or time.
audit-read-meetings = looked at the appointments
audit-book-meeting = booked an appointment
audit-move-meeting = moved an appointment
audit-cancel-meeting = cancelled an appointment

## Letters that reach people: print and post
staff-print-title = Letters to print
staff-print-intro = Letters from { $office } not opened online after { $days } days. Print them and post them, or hand them over in person when the address is protected.
staff-print-none = No letters are waiting to be printed.
staff-print-sent = Sent { $date }, not opened
staff-print-protected = The address is protected: hand the letter over in person. It is never printed with an address.
staff-print-pdf = Print (PDF with an address page)
staff-print-mark = Printed and posted
staff-print-handed-over = Handed over in person
staff-print-done = The letter is off the list.
print-cover-from = From { $office }, { $address }
print-cover-reference = Reference: { $reference }
audit-print-letter = printed a letter to you
audit-letter-printed = gave you a letter on paper
audit-list-letters-to-print = looked at the list of letters to print

## Appeals (klage)
klage-heading = Appeal
klage-title = Appeal the decision
klage-start = Appeal the decision
klage-intro = If you disagree with the decision, you can appeal. Write what you disagree with and why. The office looks at the case again; if it does not agree with you, the appeal goes to the County Governor (Statsforvalteren), who decides it.
klage-invite = Do you disagree with the decision? You can appeal by { $deadline }.
klage-invite-late = The deadline for appealing has passed, but you can appeal anyway. Then tell us why the appeal comes now.
klage-deadline = The deadline for appealing is { $deadline }.
klage-deadline-passed = The deadline for appealing was { $deadline }. The appeal is received anyway, but tell us why it comes now.
klage-which = Which decision are you appealing?
klage-decision-label = The decision of { $date }
klage-decision-label-nth = The decision of { $date } (decision no. { $number })
klage-why = What do you disagree with, and why?
klage-why-hint = Write in your own words. You can send documents that support the appeal under “Send documents”.
klage-late-why = Why does the appeal come now?
klage-late-why-hint = For example that you were ill, did not get the letter, or did not understand it. The office can still consider the appeal when there is a good reason.
klage-documents = You have the right to see the documents in your case. Ask for them under “Write to the office”.
klage-send = Send the appeal
klage-received = Your appeal has been received.
klage-item-title = Appeal sent { $date }
klage-status-SENDT = The appeal has been sent
klage-status-MOTTATT = The appeal has been received
klage-status-UNDER_BEHANDLING = The office is processing the appeal
klage-status-FERDIGBEHANDLET = The appeal has been processed
klage-status-VIDERESENDT = The appeal has gone to the County Governor, who decides it
klage-status-TRUKKET = The appeal was withdrawn
klage-status-FORELOPIG_SVAR = You have a preliminary answer to the appeal
klage-utfall-MEDHOLD = The office agrees with you and makes a new decision
klage-utfall-DELVIS_MEDHOLD = The office partly agrees with you
klage-utfall-OPPRETTHOLDT = The office thinks the decision is right
klage-utfall-AVVIST = The appeal was dismissed
klage-event-received = Appeal received
klage-event-processing = Appeal being processed
klage-event-upheld = Appeal upheld
klage-event-done = Appeal processed
klage-event-kept = Decision kept
klage-event-forwarded = Appeal sent to the County Governor
klage-cover-title = Appeal sent to the County Governor
klage-cover-to = To: the County Governor (Statsforvalteren). Copy to you who appealed.
klage-cover-what-now-heading = What happens now
klage-cover-what-now = { $office } has looked at the case again and thinks the decision is right. So the appeal goes to the County Governor, who decides it. You will hear from the County Governor. You do not need to do anything, but you may send more to the County Governor if you want.
klage-cover-appeal-heading = The appeal
klage-cover-in-time = The appeal came within the deadline ({ $deadline }).
klage-cover-late = The appeal came { $days } days after the deadline ({ $deadline }).
klage-cover-late-reason = Why the appeal came late: { $reason }
klage-cover-assessment-heading = The office's assessment
klage-cover-rights-heading = Your rights
klage-cover-rights = You have the right to see the documents in the case (Public Administration Act § 18). The County Governor can review every side of the case (§ 34).
error-klage-decision = Choose the decision you are appealing.
error-klage-empty = Write what you disagree with.
error-klage-step = The appeal has already got this far. Load the page again.
error-klage-assessment = Write the office's assessment before the appeal goes to the County Governor.
staff-appeals-title = Appeals
staff-appeals-link = Appeals
staff-appeals-office = Open appeals to { $office }, oldest first.
staff-appeals-none = No open appeals.
staff-appeals-received = Received
staff-appeals-deadline = Deadline
staff-appeal-title = Appeals on case { $reference }
staff-appeal-none = No appeals on this case.
staff-appeal-late-reason = Why the appeal came late: { $reason }
staff-appeal-process = Take the appeal into processing
staff-appeal-uphold = Uphold the appeal
staff-appeal-uphold-hint = When you uphold it, make the new decision:
staff-appeal-decide-link = go to the decision page
staff-appeal-assessment = The office's assessment
staff-appeal-assessment-hint = Why the decision is kept. This is in the cover letter to the County Governor, which the applicant gets a copy of.
staff-appeal-forward = Keep the decision and send to the County Governor
staff-appeal-done-behandle = The appeal is being processed.
staff-appeal-done-medhold = The appeal is upheld. Make the new decision on the decision page.
staff-appeal-done-oversend = The appeal has gone to the County Governor, with a cover letter.
audit-read-appeals = looked at your appeals
audit-appeal-step = processed your appeal
audit-list-appeals = looked at the list of appeals

## Photos: what to do
# Before sending: a page that is probably hard to read, and what to do about it (velferd_documents::photos::Warning).
photo-fix-blurry = The photo looks blurred. Hold the phone still and take the photo again, so the office can read it.
photo-fix-dark = The photo is too dark. Take the photo again closer to a window, or turn on more light.
photo-fix-empty = We can see almost nothing on the page. Check that you photographed the right side and that the whole sheet is in the picture.
photo-fix-cut-off = The page is cut off. Take the photo again and get the whole sheet in the picture.
photo-fix-slanted = The page was photographed at a slant. Hold the phone straight above the page and take the photo again.
photo-fix-attached-files = This PDF carries files inside it. The office gets its pages and the names of those files, but not the files themselves: if the office needs one of them, send it as a file of its own.
# Upload pages: the button that splits a PDF into one file per page, to turn, move or remove them one by one.
attach-split = Split into single pages

## Language names inside a sentence ("the application was written in bokmål")
language-name-nb = Norwegian Bokmål
language-name-nn = Norwegian Nynorsk
language-name-en = English
staff-case-told = What the applicant said about the documents when sending
## Child welfare (barnevern): concern reports (issue 18)
staff-role-barnevern = Child welfare service
bv-home-link = Concern reports (child welfare)
bv-service-name = The child welfare service in { $kommune }
bv-letter-reference = Reference: { $reference }
bv-form-title = Report concern for a child
bv-form-intro = If you are worried about a child, you can tell the child welfare service in the municipality where the child lives. Write what you know; you do not need to know everything. You may stay anonymous.
bv-form-professional-hint = Are you reporting in your job (school, kindergarten, health, police, NAV)?
bv-form-professional-link = Sign in and report as a professional
bv-form-sign-in-text = Professionals with a duty to report sign in, so the child welfare service knows who reports and can give you feedback.
bv-form-sign-in = Sign in to report as a professional
bv-form-private-link = Report as a private person without signing in
bv-form-trap = Do not fill in this field
bv-form-send = Send the concern report
bv-danger-heading = Is the child in danger now?
bv-danger-text = Call at once. Do not wait for an answer to a form.
bv-danger-112 = the police, when the child is in danger now
bv-danger-116111 = the helpline for children and young people, open day and night and free; they put you through to the child welfare on-call service
bv-danger-question = Is the child in danger right now?
bv-danger-yes = Yes
bv-danger-no = No
bv-danger-now-tag = In danger now
bv-kommune = The municipality where the child lives
bv-kommune-hint = The report goes to the child welfare service of this municipality.
bv-kommune-choose = Choose a municipality
bv-child-heading = The child
bv-child-hint = Fill in what you know. A name or where the child can be found is enough.
bv-child-name = The child's name
bv-child-birth-date = Date of birth
bv-child-birth-date-hint = For example 01.05.2016, if you know it.
bv-child-fnr = National identity number
bv-child-fnr-hint = 11 digits, only if you know it.
bv-child-whereabouts = Where the child lives or can be found
bv-child-whereabouts-hint = Address, school or kindergarten.
bv-child-unnamed = Child with no name given
bv-concern = What have you seen or heard?
bv-concern-hint = Describe what happened, when, and how you came to know.
bv-urgency = Urgency
bv-urgency-question = How soon do you think the child welfare service must act?
bv-urgency-akutt = Acute – today
bv-urgency-snart = Soon – within a few days
bv-urgency-vanlig = Ordinary
bv-reporter-heading = The person reporting
bv-reporter-hint = The child welfare service may need to talk to you. You may also report anonymously.
bv-reporter-anonymous-choice = I want to be anonymous
bv-reporter-anonymous-hint = Then neither your name, contact details nor network address are kept. The child welfare service cannot contact you.
bv-reporter-signed-in = You report as a professional: { $name }
bv-reporter = Reporter
bv-reporter-anonymous = Anonymous
bv-reporter-name = Name
bv-reporter-phone = Phone
bv-reporter-email = Email
bv-reporter-contact = Contact
bv-reporter-role = Role and workplace
bv-reporter-role-field = Your role
bv-reporter-role-hint = For example class teacher, public health nurse or police officer.
bv-reporter-organisation = Workplace
bv-receipt-title = The concern report has been received
bv-receipt-sent-to = { $service } received the report { $time }.
bv-receipt-received = Received: { $time }
bv-receipt-received-label = Received
bv-receipt-what = The report
bv-receipt-who = Reporter
bv-receipt-next-heading = What happens now
bv-receipt-next = The child welfare service reviews the report within one week at the latest and considers whether to investigate. Urgent reports are handled the same day.
bv-receipt-next-professional = As a professional you will hear within three weeks whether an investigation has been opened or the report closed.
bv-receipt-pdf = Download the receipt (PDF)
bv-receipt-another = Report concern for another child
bv-refused-kommune = Choose the municipality where the child lives.
bv-refused-child-unknown = Write the child's name or where the child can be found.
bv-refused-fnr = The identity number is not valid. Check the digits, or leave the field empty.
bv-refused-date = Write the date as dd.mm.yyyy.
bv-refused-birth-future = The date of birth cannot be in the future.
bv-refused-concern-empty = Write what you have seen or heard.
bv-refused-urgency = Choose how urgent you think it is.
bv-refused-danger = Answer whether the child is in danger now.
bv-refused-name = Write your name, or choose to be anonymous.
bv-refused-contact = Write a phone number or an email address, so the child welfare service can reach you.
bv-refused-email = The email address does not look right.
bv-refused-role = Write your role.
bv-refused-organisation = Write your workplace.
bv-refused-too-long = The text is too long.
bv-refused-direction = The text has invisible characters that change the writing direction. Please type it again.
bv-refused-unreadable = The text has characters we cannot read. Please type it again.
bv-refused-stale-form = The form had expired. What you wrote is kept – send again.
bv-refused-robot = The report could not be sent. Check the form and send again.
bv-refused-too-fast = The form was sent very quickly. Check that everything is right and send again.
bv-refused-sign-in = Sign in to report as a professional.
bv-refused-reason-missing = Write a reason.
bv-refused-closed = The report is closed; nothing more can be recorded.
bv-refused-already-investigating = An investigation has already been opened.
bv-refused-already-reviewed = The report has already been reviewed.
bv-refused-not-investigating = The deadline can only be extended once an investigation is open.
bv-refused-no-extension = The law gives no extension of this deadline.
bv-refused-date-past = The date has passed. Choose today or later.
bv-refused-extension-short = The date is within the ordinary deadline; no extension is needed.
bv-refused-extension-long = The deadline can be extended to at most six months after the report came in.
bv-refused-merge-self = A report cannot be merged with itself.
bv-refused-merge-kommune = The report belongs to another municipality.
bv-refused-merge-closed = The other report is closed.
bv-refused-merge-other-child = The reports are not about the same child (the identity number, or the name and date of birth, must match).
bv-refused-merge-unknown = No report has that reference.
bv-refused-not-professional = Feedback is given only to professionals who reported.
bv-refused-feedback-early = Feedback is sent once an investigation is opened or the report is closed.
bv-refused-feedback-sent = The feedback has already been sent.
bv-refused-unknown-action = Choose an action.
bv-list-title = Concern reports
bv-list-unit = { $unit }
bv-list-overdue = { $count ->
    [one] 1 report is past a deadline
   *[other] { $count } reports are past a deadline
}
bv-list-overdue-text = Follow up at once, and tell your manager.
bv-list-filters = Show reports
bv-list-open = Open
bv-list-all = All, also closed
bv-list-none = No reports here.
bv-acute = Acute
bv-received = Received
bv-status = Status
bv-next-deadline = Next deadline
bv-status-ny = New – urgency not assessed
bv-status-vurdert = Assessed
bv-status-undersokes = Under investigation
bv-status-avsluttet = Closed
bv-status-sammenslatt = Merged with another report
bv-deadline-gjennomgang = Review (1 week)
bv-deadline-undersokelse = Investigation (3 months)
bv-deadline-skyddsbedomning = Protective assessment (same day)
bv-deadline-forhandsbedomning = Initial assessment (14 days)
bv-deadline-utredning = Investigation (4 months)
bv-deadline-tilbakemelding = Feedback to the reporter (3 weeks)
bv-deadline-met = met (deadline { $date })
bv-deadline-met-late = done after the deadline { $date }
bv-deadline-today = due today, { $date }
bv-deadline-left = { $date }, { $days ->
    [one] 1 day left
   *[other] { $days } days left
}
bv-deadline-overdue = the deadline { $date } passed { $days ->
    [one] 1 day ago
   *[other] { $days } days ago
}
bv-deadline-extended = (extended)
bv-deadlines = Deadlines
bv-files = Documents
bv-file-vedlegg = Attachment from the reporter ({ $date })
bv-file-tilbakemelding = Feedback to the reporter ({ $date })
bv-steps = Log
bv-step-mottatt = Report received
bv-step-hastegrad = Urgency assessed: { $urgency }. { $reason }
bv-step-gjennomgang = Reviewed. { $reason }
bv-step-undersokelse = Investigation opened. { $reason }
bv-step-forlengelse = Investigation deadline extended to { $date }. { $reason }
bv-step-avsluttet = Closed. { $reason }
bv-step-sammenslatt = Merged with another report about the same child. { $reason }
bv-step-tilbakemelding = Feedback sent to the reporter
bv-report-title = Concern report { $reference }
bv-back-list = Back to the concern reports
bv-conflict = Someone else changed the report while you were writing. See the new state below; what you wrote is kept.
bv-reason = Reason
bv-action-hastegrad = Assess urgency
bv-action-hastegrad-send = Save urgency
bv-action-undersokelse = Open an investigation
bv-action-undersokelse-send = Open investigation
bv-action-forlengelse = Extend the investigation's deadline
bv-action-forlengelse-send = Extend the deadline
bv-extend-until = New deadline
bv-extend-until-hint = At most six months after the report came in (Child Welfare Act § 2-2).
bv-action-avslutt = Close
bv-action-avslutt-send = Close the report
bv-action-sammenslaa = Merge with another report about the same child
bv-action-sammenslaa-send = Merge
bv-merge-with = The other report's reference
bv-merge-with-hint = For example BM-1A2B3C4D.
bv-action-tilbakemelding = Feedback to the reporter
bv-action-tilbakemelding-text = The professional gets a letter saying the report was received, and whether an investigation was opened or the report closed. Nothing else about the case.
bv-action-tilbakemelding-send = Make and send the feedback
bv-done-hastegrad = The urgency is saved.
bv-done-gjennomgang = The review is recorded.
bv-done-undersokelse = The investigation is open.
bv-done-forlengelse = The deadline is extended.
bv-done-avslutt = The report is closed.
bv-done-sammenslaa = The report is merged.
bv-done-tilbakemelding = The feedback letter is made.
bv-feedback-title = Feedback on your concern report
bv-feedback-heading = Your report
bv-feedback-received = We confirm that we received your concern report on { $date }.
bv-feedback-investigation = We have opened an investigation.
bv-feedback-closed = We have reviewed the report and closed it.
bv-feedback-law = You receive this feedback because you reported as a professional (Child Welfare Act § 13-4). We cannot tell you more about the case.
bv-action-gjennomgang = Record the review
bv-action-gjennomgang-text = The report has been read and considered; the decision (investigation or closing) comes later.
bv-action-gjennomgang-send = Record the review
bv-export = Export for the case system (Fiks bekymringsmelding, JSON)
bv-attachments = Attachments (optional)
bv-attachments-hint = Pictures (JPEG, PNG) or PDF, for example a note. Each file becomes a PDF at the child welfare service.
bv-attachments-too-many = Send at most { $files } files, at most { $total_mb } MB together.
bv-attachments-again = Choose the files again; what you wrote is kept.
## Dialogue II: the case's archive copy, attachments on messages, reply templates, routing, helpers
# The case's archive copy (arkivkopi): the whole record in one PDF
archive-title = Case { $reference } – archive copy
archive-link-office = The whole case as PDF (archive copy)
archive-link-own = Your whole case as PDF
archive-office-copy = The office's archive copy, made { $date }. Contains the office's internal notes.
archive-own-copy = Your copy of the case, made { $date }.
archive-application-heading = The application
archive-application-text = The answers as they were sent { $date }.
archive-timeline-heading = What has happened
archive-messages-heading = Messages
archive-messages-none = No messages on this case.
archive-letters-heading = Letters
archive-documents-heading = Documents
archive-notes-heading = Internal notes
staff-event-message-answered = { $office } answered the applicant.
archive-none = None.
audit-read-archive = saw your whole case (archive copy)
# Attachments on messages: photos and PDFs become one PDF, as documents sent later do
message-attachment = Attached: { $files }
message-attachment-pages = PDF, { $pages ->
    [one] 1 page
   *[other] { $pages } pages
}
message-files-label = Attach photos or PDFs (optional)
message-files-hint = At most { $files } files. The photos become one PDF the office can read.
message-files-again = Your text has been kept. Choose the files again.
message-attach-too-many = You can attach at most { $files } files to one message.
staff-answer-files-hint = At most { $files } files. The photos become one PDF the applicant can open.
staff-answer-files-label = Attach photos or PDFs (optional)
archive-attachment-with-message = Sent with a message from { $who } { $date }.
# Reply templates kept per office, and routing a conversation to a colleague
staff-templates-title = Reply templates
staff-templates-intro = The reply templates of { $office }. Everyone who works cases here can use and change them. Do not write personal data in a template.
staff-templates-none = The office has no reply templates yet.
staff-template-changed = Changed { $date } by { $name }
staff-template-edit = Change “{ $title }”
staff-template-new = New reply template
staff-template-change = Change the reply template
staff-template-title-label = Title
staff-template-text-label = Text
staff-template-text-hint = The text fills the answer field. Whoever answers adapts it before sending.
staff-template-save = Save the reply template
staff-template-saved = The reply template is saved.
staff-template-pick = Start from a reply template
staff-template-pick-hint = The text goes into the answer field, and you can change it before sending.
staff-template-none = No template
staff-template-use = Use the template
staff-template-used = The text of “{ $title }” is in the answer field. Adapt it before sending.
error-template-title-empty = Give the template a title.
staff-route-heading = Given to
staff-route-label = Give the conversation to a colleague
staff-route-office = The whole office
staff-route-send = Give the conversation
staff-routed-to = Given to { $name }
staff-routed-office = The whole office
staff-routed-done = The conversation has been given on.
error-route-unknown = Choose a colleague at the office who works cases.
audit-route-conversation = gave your messages to a caseworker
# Helpers in the conversation: a power that covers it, messages signed as the helper
helper-may-write = The person may also read the messages and write to the office for me
helper-scope-messages = Can read and write messages
message-from-helper = { $helper } on behalf of { $person }
message-from-helper-for-you = { $helper } on your behalf
audit-helper-write-message = wrote to the office for you (power of attorney)
audit-helper-read-file = opened an attachment in the messages (power of attorney)
