#!/usr/bin/env python3
"""Generates the labelled email set of the email ticket agent (seed 004).

    python3 tools/datasets/email_tickets.py            # writes data/classification/emails-{train,eval}.jsonl

Every email is one hand-written scenario ("core": subject || body) of a category, completed with slot values,
an optional detail sentence, a phrase that sets the priority, a greeting, a closing and a signature; some get a
quoted reply, a forward header or typos. Train and eval draw from disjoint scenario and phrase lists (the *_EVAL
lists), so no eval email is a rewording of a train email; only greetings, closings, signatures and slot values
(names, amounts, dates) are shared. Deterministic: the same seed gives the same files.
"""

import json
import random
import sys
import unicodedata
from pathlib import Path

CATEGORIES = ["Technique", "Commercial", "Support", "Facturation"]
PRIORITIES = ["Critique", "Haute", "Moyenne", "Basse"]

# Share of each priority inside each category. Averaged over the four categories: Critique 15 %, Haute 25 %,
# Moyenne 35 %, Basse 25 %. Critique is mostly Technique (outages, data loss, security).
PRIORITY_SHARE = {
    "Technique": {"Critique": 0.30, "Haute": 0.28, "Moyenne": 0.25, "Basse": 0.17},
    "Commercial": {"Critique": 0.05, "Haute": 0.22, "Moyenne": 0.43, "Basse": 0.30},
    "Support": {"Critique": 0.10, "Haute": 0.22, "Moyenne": 0.40, "Basse": 0.28},
    "Facturation": {"Critique": 0.15, "Haute": 0.28, "Moyenne": 0.32, "Basse": 0.25},
}
FRENCH_SHARE = 0.55

# ---------------------------------------------------------------------------------------------------------------
# Scenarios. "subject || body". GENERAL: used for Haute, Moyenne and Basse (the priority phrase decides).
# CRITIQUE: only for Critique. BASSE: only for Basse (feedback, suggestions, information).
# ---------------------------------------------------------------------------------------------------------------

GENERAL = {
    ("Technique", "fr"): [
        "Le formulaire web ne crée plus de tickets || Les demandes envoyées via le formulaire de notre site n'apparaissent plus comme tickets depuis {day}, sans aucun message d'erreur côté visiteur.",
        "Tri par date incorrect || Le tri par date dans la liste des tickets mélange les jours et les mois.",
        "Application iOS lente || Sur l'application iOS, l'ouverture d'un ticket prend plus de 15 secondes depuis la version {version}.",
        "Erreur 422 à l'enregistrement || À l'enregistrement d'une réponse, on obtient « 422 Unprocessable Entity » dès qu'il y a une pièce jointe.",
        "Accents cassés dans les e-mails || Les accents s'affichent mal (Ã© au lieu de é) dans les e-mails envoyés aux clients.",
        "Erreur 500 sur l'export || Depuis {day}, l'export CSV des commandes renvoie une erreur 500. Le fichier n'est jamais généré, que ce soit sur Chrome ou sur Firefox.",
        "Problème de connexion SSO || Nos utilisateurs n'arrivent plus à se connecter via le SSO Azure AD : après la redirection ils tombent sur une page blanche avec le message « invalid_grant ».",
        "API - 401 Unauthorized || Depuis ce matin, tous nos appels à l'API {api_ep} renvoient 401 Unauthorized alors que le jeton a été régénéré hier. Pouvez-vous vérifier de votre côté ?",
        "Lenteurs sur le tableau de bord || Le tableau de bord met plus de 40 secondes à s'afficher depuis quelques jours. Nous avons environ {n} projets, ce n'était pas le cas avant.",
        "Webhook qui ne se déclenche plus || Les webhooks vers notre URL https://hooks.{domain}/orders ne partent plus depuis {day}. Dans l'historique ils restent en statut « pending ».",
        "Bug d'affichage des dates || Les dates s'affichent au format américain (MM/JJ) dans les rapports PDF alors que le compte est réglé en français.",
        "Synchronisation bloquée || La synchronisation avec notre ERP tourne en boucle sur « en cours » depuis hier soir, aucune donnée n'a été mise à jour.",
        "Crash de l'application mobile || L'application Android plante au démarrage depuis la version {version}. Téléphone Samsung sous Android 14. J'ai réinstallé, même résultat.",
        "Import impossible || Quand j'importe notre fichier Excel de contacts (environ {n} lignes), j'obtiens « Format de fichier non reconnu » alors que c'est votre modèle.",
        "Certificat expiré ? || Le navigateur affiche un avertissement de certificat sur {sub}.{domain} : le certificat semble expiré depuis {day}.",
        "Double authentification refusée || Les codes de double authentification sont systématiquement refusés pour mon compte. L'heure du téléphone est pourtant bien synchronisée.",
        "Timeout sur l'API || Les requêtes POST sur /v2/orders partent en timeout au bout de 30 secondes, environ une fois sur trois. Exemple d'identifiant de requête : {reqid}.",
        "Notifications non reçues || Plus aucun e-mail de notification n'est envoyé aux membres de l'équipe depuis {day}, alors que les paramètres n'ont pas bougé.",
        "Champ personnalisé vidé || Quand on enregistre une fiche client, le champ personnalisé « Code SIRET » est vidé. Ça le fait pour tous les utilisateurs.",
        "Erreurs 502 Bad Gateway || Nous avons des 502 Bad Gateway par intermittence sur le portail client, surtout en fin de journée.",
        "Erreurs 429 sur l'API || On reçoit des 429 Too Many Requests alors qu'on est loin de la limite de notre offre {plan} (à peine {n} appels par heure).",
        "La recherche ne renvoie rien || La recherche globale ne trouve plus aucun document créé après le {date}. Les anciens documents sont bien trouvés.",
        "Intégration Slack cassée || L'intégration Slack s'est déconnectée toute seule et quand on essaie de la réautoriser on obtient « OAuth error: redirect_uri mismatch ».",
        "Doublons après synchro || Après la dernière synchronisation avec le CRM, chaque contact apparaît en double, parfois en triple, dans la liste.",
        "Erreur JavaScript dans l'éditeur || L'éditeur de modèles ne se charge pas, la console affiche « Uncaught TypeError: Cannot read properties of undefined ». Capture en pièce jointe.",
        "Rapport planifié non envoyé || Le rapport hebdomadaire planifié du lundi n'est pas parti cette semaine, ni la précédente.",
        "Déconnexions à répétition || L'application me déconnecte toutes les cinq minutes environ, je dois ressaisir mon mot de passe à chaque fois.",
        "Pièces jointes corrompues || Les PDF téléchargés depuis l'espace documents sont corrompus, impossible de les ouvrir avec Acrobat ni avec le navigateur.",
        "bug sur le bouton valider || le bouton valider du formulaire de commande ne fait rien quand on clique dessus, aucun message d'erreur",
        "Erreur lors de l'appel au endpoint /invoices || Le endpoint /v1/invoices nous renvoie {err} depuis {day}. Le même appel passait la semaine dernière.",
    ],
    ("Technique", "en"): [
        "Web form no longer creates tickets || Submissions from our website form stopped showing up as tickets on {day}; visitors see no error.",
        "Date sorting broken || Sorting the ticket list by date mixes up days and months.",
        "Slow iOS app || On the iOS app, opening a ticket takes over 15 seconds since version {version}.",
        "422 error when saving || Saving a reply fails with '422 Unprocessable Entity' whenever there's an attachment.",
        "Garbled characters in emails || Accented characters show up garbled (Ã© instead of é) in emails sent to customers.",
        "500 error on checkout API || Since this morning POST /v1/checkout returns HTTP 500 for about half of our requests. Example request ID: {reqid}.",
        "Can't sign in with SSO || Our users get 'SAML response signature invalid' when signing in through Okta. Nothing changed on our side as far as I know.",
        "Webhooks delayed || Webhook deliveries to our endpoint have been arriving 20 to 30 minutes late since {day}.",
        "Dashboard very slow || The analytics dashboard takes over a minute to load for accounts with more than {n} records.",
        "iOS app freezes || The iOS app freezes on the login screen after updating to version {version}. iPhone 13 on iOS 17.",
        "Rate limit errors || We're getting 429 errors at around {n} requests per minute, but our {plan} plan should allow a lot more than that.",
        "CSV import fails || Uploading our contacts CSV fails with 'Unexpected column at row 1', even when we use your own template.",
        "Password reset link broken || The password reset link in the email leads to a 404 page.",
        "Salesforce sync stopped || Records updated in Salesforce are no longer synced to our workspace since {day}.",
        "PDF export blank || Exported invoices in PDF are blank pages with only the header on them.",
        "Expired SSL certificate || The certificate on {sub}.{domain} has expired and browsers show a security warning to our customers.",
        "OAuth token refresh failing || Refreshing the OAuth token returns 'invalid_client' since the weekend. Our client ID hasn't changed.",
        "Notification emails not sent || Automated notification emails stopped going out on {day}. The outbox shows them all as queued.",
        "Search returns wrong results || Searching by order number returns unrelated orders. It worked fine last week.",
        "Uploads timing out || File uploads larger than 5 MB time out after 60 seconds.",
        "Random logouts || Users are being logged out every few minutes and have to type their password again.",
        "Duplicates after sync || After the last sync every customer shows up twice in the list.",
        "Editor won't load || The template editor won't load; the browser console shows 'TypeError: e.map is not a function'. Screenshot attached.",
        "Scheduled report missing || The weekly scheduled report didn't arrive on Monday, second week in a row.",
        "Wrong timezone in API responses || Timestamps returned by the API are in UTC although your docs say they use the account timezone.",
        "GraphQL query error || Our GraphQL queries fail with 'Cannot query field status on type Ticket' since your last release.",
        "2FA codes rejected || My authenticator codes are always rejected, and yes the phone clock is correct.",
        "API returning {err} || Calls to {api_ep} return {err} since {day}. Same payload worked fine before.",
        "bug in the order form || the submit button on the order form does nothing when clicked, no error shown",
        "Slack integration disconnected || The Slack integration disconnected by itself and re-authorising fails with 'redirect_uri mismatch'.",
    ],
    ("Commercial", "fr"): [
        "Demande de devis || Nous souhaiterions recevoir un devis pour l'offre {plan} pour {n} utilisateurs, avec un engagement annuel.",
        "Demande de démo || Nous sommes une PME de {n} salariés dans le secteur {sector} et aimerions une démonstration de votre solution.",
        "Renouvellement du contrat || Notre contrat arrive à échéance le {date}. Pouvez-vous nous faire une proposition de renouvellement, idéalement avec une remise pour un engagement de 3 ans ?",
        "Tarifs associations || Proposez-vous des tarifs préférentiels pour les associations ? Nous sommes une vingtaine de bénévoles.",
        "Partenariat intégrateur || Nous sommes intégrateur ERP et souhaitons devenir partenaire revendeur de votre solution. Quelles sont vos conditions ?",
        "Passage à l'offre supérieure || Nous envisageons de passer de l'offre {plan} à l'offre Enterprise. Quelle serait la différence de prix ?",
        "Appel d'offres || Nous lançons un appel d'offres pour un outil de gestion de tickets. Le cahier des charges est en pièce jointe, réponse attendue avant le {date}.",
        "Licences supplémentaires || Nous accueillons {n} nouveaux collaborateurs le mois prochain : quel serait le coût des licences supplémentaires ?",
        "Migration depuis un concurrent || Nous utilisons actuellement un autre outil et réfléchissons à migrer chez vous. Accompagnez-vous la migration, et à quel prix ?",
        "Prolongation de l'essai || Notre période d'essai se termine dans deux jours. Serait-il possible de la prolonger de deux semaines pour finir nos tests ?",
        "Tarification multi-sites || Nous avons {n} sites en France et en Belgique ; avez-vous une tarification groupe ?",
        "Être rappelé par un commercial || J'aimerais être rappelé par un commercial pour discuter de nos besoins, je suis joignable au {phone}.",
        "Remise sur volume || Pour {n} licences, quelle remise pouvez-vous nous accorder ?",
        "Bon de commande signé || Vous trouverez ci-joint notre bon de commande signé pour l'offre {plan}. Merci de nous confirmer la mise en place et la date de démarrage.",
        "CGV et DPA || Avant de signer, notre service juridique souhaite relire vos CGV et votre accord de traitement des données. Pouvez-vous nous les transmettre ?",
        "Prestation de formation || Proposez-vous des journées de formation sur site pour nos équipes ? Merci de nous indiquer le tarif journalier.",
        "Hébergement en France || L'hébergement des données en France est-il possible, et est-ce une option payante ?",
        "Avant de résilier || Nous pensons ne pas renouveler faute de budget. Avez-vous une offre plus adaptée à une petite structure avant que nous résiliions ?",
        "Devis module {module} || Combien coûterait l'ajout du module {module} à notre abonnement actuel ?",
        "Licence éducation || Je travaille pour un lycée, existe-t-il une licence éducation ou un tarif pour les établissements scolaires ?",
        "Webinar commun || Nous aimerions co-organiser avec vous un webinar sur la digitalisation du service client. Seriez-vous partants ?",
        "Proposition commerciale pour {company} || Suite à notre échange téléphonique, pouvez-vous m'envoyer la proposition commerciale chiffrée pour {n} agents ?",
        "devis svp || bonjour, pouvez vous m'envoyer un devis pour 10 utilisateurs offre pro, merci",
        "Conditions de paiement du contrat || Pour un contrat de 3 ans, acceptez-vous un paiement annuel plutôt qu'en une fois ? Cela conditionne notre décision d'achat.",
    ],
    ("Commercial", "en"): [
        "Quote request || We'd like a quote for the {plan} plan for {n} users, billed annually.",
        "Demo request || We're a {n}-person company in {sector} and would love to see a demo of your platform.",
        "Contract renewal || Our contract expires on {date}. Could you send us a renewal proposal, ideally with a discount for a 3-year term?",
        "Nonprofit pricing || Do you offer discounted pricing for nonprofits? We're a small charity with about 15 staff.",
        "Reseller partnership || We're an IT consultancy and would like to become a reseller partner. What are your partner terms?",
        "Upgrade to Enterprise || We're considering moving from {plan} to Enterprise. What would the price difference be?",
        "RFP invitation || We're running an RFP for a helpdesk tool. The requirements document is attached; responses are due by {date}.",
        "Additional seats || We're onboarding {n} new hires next month. How much would the extra seats cost?",
        "Switching from a competitor || We currently use another vendor and are thinking of switching. Do you help with migration, and what does it cost?",
        "Trial extension || Our trial ends in two days. Could you extend it by two weeks so we can finish our evaluation?",
        "Multi-entity pricing || We have {n} offices across the UK and Ireland. Do you have group pricing?",
        "Call with sales || I'd like a call with someone from sales to discuss our needs. You can reach me on {phone}.",
        "Volume discount || What discount could you offer for {n} licences?",
        "Signed order form || Please find attached our signed order form for the {plan} plan. Can you confirm the start date?",
        "Terms and DPA || Before we sign, our legal team needs to review your terms of service and DPA. Could you send them over?",
        "On-site training || Do you offer on-site training days for our team? Please let me know your day rate.",
        "EU data residency || Is EU-only data hosting available, and is it an add-on?",
        "Before we cancel || We're planning not to renew because of budget cuts. Is there a cheaper plan that might fit before we cancel?",
        "Pricing for the {module} add-on || How much would it cost to add the {module} module to our current subscription?",
        "Education license || I work for a university department. Is there an academic license?",
        "Joint webinar || Would you be interested in co-hosting a webinar with us on customer service automation?",
        "Proposal for {company} || Following our call, could you send me the priced proposal for {n} agents?",
        "quote pls || hi can you send a quote for 25 users on the business plan thx",
        "Payment terms on a multi-year deal || For a 3-year contract, would you accept yearly payments instead of upfront? That will decide whether we go ahead.",
        "Pricing question || Is the price on your website per user per month or per agent? We have many occasional users.",
    ],
    ("Support", "fr"): [
        "Ajouter une adresse de réception || Comment ajouter une deuxième adresse pour que les e-mails envoyés à support@{domain} créent aussi des tickets ?",
        "Limites de l'offre || Combien de règles d'automatisation peut-on créer avec l'offre {plan} ?",
        "Fuseau horaire du compte || Où modifie-t-on le fuseau horaire du compte ? Nos horaires s'affichent à l'heure de Londres.",
        "Renvoyer une invitation || Comment renvoyer une invitation à un collègue ? La sienne a expiré avant qu'il l'ouvre.",
        "Enquête de satisfaction || Peut-on envoyer automatiquement une enquête de satisfaction à la clôture d'un ticket ?",
        "Réattribuer les tickets d'un agent || Comment réattribuer d'un coup tous les tickets d'un agent qui part en vacances ?",
        "Ajouter un utilisateur || Je suis administrateur du compte et je ne trouve pas où ajouter un nouveau collègue. Pouvez-vous m'expliquer la marche à suivre ?",
        "Changer l'adresse e-mail du compte || Je souhaite remplacer l'adresse de connexion {email} par ma nouvelle adresse professionnelle. Comment faire ?",
        "Droits en lecture seule || Est-il possible de donner à un utilisateur un accès en lecture seule à certains projets uniquement ?",
        "Transfert de propriété du compte || Notre administrateur quitte l'entreprise à la fin du mois, comment transférer la propriété du compte à un autre collaborateur ?",
        "Personnaliser les e-mails automatiques || Comment modifier le modèle d'e-mail envoyé automatiquement à nos clients ? Je voudrais y ajouter notre logo.",
        "Aide à la prise en main || Nous venons de souscrire et aimerions être accompagnés pour paramétrer le compte : équipes, catégories, règles automatiques.",
        "Exporter nos données || Comment exporter l'ensemble de nos fiches clients au format Excel ?",
        "Supprimer un utilisateur || Pouvez-vous supprimer le compte de {person}, qui ne fait plus partie de la société ?",
        "Rappels automatiques || Existe-t-il une fonction pour programmer des rappels automatiques aux clients la veille d'un rendez-vous ?",
        "Changement de raison sociale || Notre société a changé de nom, comment mettre à jour le nom affiché dans l'espace client ?",
        "Où est la documentation de l'API ? || Où puis-je trouver la documentation de l'API et un exemple d'authentification pour débuter ?",
        "Mot de passe d'un collègue || Un collègue a oublié son mot de passe. En tant qu'administrateur, puis-je le réinitialiser moi-même ?",
        "Interface en anglais || Comment passer l'interface en anglais pour nos collègues du bureau de Londres ?",
        "Tutoriels pour les nouveaux || Avez-vous des tutoriels vidéo pour former nos nouveaux arrivants à l'outil ?",
        "Trop de notifications || Je reçois trop de notifications par e-mail, comment n'être prévenu que pour mes propres dossiers ?",
        "Fusionner deux comptes || Nous avons créé par erreur deux comptes pour la même société, est-il possible de les fusionner ?",
        "Rendre un champ obligatoire || Peut-on rendre le champ « téléphone » obligatoire dans le formulaire de contact ?",
        "Projets archivés || Que deviennent les projets archivés ? Restent-ils consultables, et comptent-ils dans notre quota ?",
        "Relier Google Agenda || Comment relier mon agenda Google pour que les rendez-vous pris dans l'outil s'y affichent ?",
        "Ajouter un administrateur || Pouvez-vous ajouter {person} comme administrateur sur le compte {company} ?",
        "Modifier la signature des réponses || Comment changer la signature ajoutée automatiquement en bas des réponses aux tickets ?",
        "Durée de conservation || Combien de temps conservez-vous les pièces jointes envoyées par nos clients ?",
        "comment on fait pour ... || comment on fait pour assigner un ticket a un collegue ? je trouve pas le bouton",
        "Configurer les heures ouvrées || Où définit-on nos horaires d'ouverture pour que les délais de réponse ne comptent pas la nuit ?",
        "Question sur les rôles || Quelle est la différence entre le rôle « agent » et le rôle « superviseur » ?",
    ],
    ("Support", "en"): [
        "Adding an inbound address || How do we add a second address so emails sent to support@{domain} also create tickets?",
        "Plan limits || How many automation rules can we create on the {plan} plan?",
        "Account timezone || Where do I change the account timezone? Our hours show in Paris time.",
        "Resend an invitation || How do I resend an invitation to a colleague? Theirs expired before they opened it.",
        "Satisfaction survey || Can we send a satisfaction survey automatically when a ticket is closed?",
        "Reassign an agent's tickets || How do I reassign all tickets of an agent going on holiday in one go?",
        "How do I add a user? || I'm the account admin and can't find where to invite a new colleague. Could you walk me through it?",
        "Change account email || I'd like to change my login email from {email} to my new work address. How do I do that?",
        "Read-only access || Is it possible to give a user read-only access to some projects only?",
        "Transfer account ownership || Our admin is leaving the company at the end of the month. How do we transfer account ownership to someone else?",
        "Customise automatic emails || How can I edit the email template that goes out automatically to customers? I'd like to add our logo.",
        "Help getting started || We just signed up and would like some help setting up the account: teams, categories and automation rules.",
        "Exporting our data || How can I export all our customer records to Excel?",
        "Remove a user || Could you remove {person}'s account? They no longer work here.",
        "Automatic reminders || Is there a way to send customers an automatic reminder the day before their appointment?",
        "Company name change || We've changed our company name. How do we update the name shown in the customer portal?",
        "Where are the API docs? || Where can I find the API documentation and an authentication example to get started?",
        "Resetting a colleague's password || A colleague forgot their password. As an admin, can I reset it for them?",
        "Switch interface language || How do I switch the interface to French for our Paris team?",
        "Training videos || Do you have video tutorials we can use to train new starters?",
        "Too many notifications || I get way too many email notifications. How can I only be notified about my own tickets?",
        "Merge two accounts || We accidentally created two accounts for the same company. Can they be merged?",
        "Make a field required || Can we make the 'phone' field mandatory on the contact form?",
        "Archived projects || What happens to archived projects? Can we still view them, and do they count towards our quota?",
        "Connect Google Calendar || How do I connect my Google Calendar so bookings show up there?",
        "Add an admin || Could you add {person} as an administrator on the {company} account?",
        "Edit reply signature || How do I change the signature that's added at the bottom of ticket replies?",
        "Data retention || How long do you keep the attachments our customers send?",
        "how do i assign a ticket || how do I assign a ticket to a coworker? can't find the option anywhere",
        "Business hours setup || Where do we set our opening hours so SLA timers don't run overnight?",
        "Roles question || What's the difference between the 'agent' and 'supervisor' roles?",
    ],
    ("Facturation", "fr"): [
        "Facture en double || Nous avons reçu deux fois la facture {inv} pour le mois de {month}. Pouvez-vous annuler le doublon ?",
        "Échec du prélèvement || Je viens de recevoir un message indiquant que le prélèvement de {amount} a échoué. Notre RIB a changé, comment le mettre à jour ?",
        "Demande de remboursement || Nous avons résilié le {date} mais avons quand même été débités le mois suivant. Merci de nous rembourser {amount}.",
        "Numéro de TVA intracommunautaire || Notre numéro de TVA intracommunautaire {vat} n'apparaît pas sur les factures, ce qui pose problème à notre comptable.",
        "Demande d'avoir || La facture {inv} compte {n} licences alors que nous n'en utilisons que {n2}. Pouvez-vous émettre un avoir ?",
        "Adresse de facturation || Merci de modifier notre adresse de facturation : nous avons déménagé au {address}.",
        "Carte bancaire refusée || Le paiement par carte est refusé lors du renouvellement alors que la carte est valide. Y a-t-il un autre moyen de payer ?",
        "Facture introuvable || Je ne trouve pas la facture de {month} dans l'espace facturation, pourriez-vous me l'envoyer en PDF ?",
        "Montant de facture incorrect || Le montant de la facture {inv} ({amount}) ne correspond pas au devis signé. Pouvez-vous vérifier ?",
        "Payer par virement || Nous préférons payer par virement plutôt que par carte. Pouvez-vous nous envoyer vos coordonnées bancaires ?",
        "Numéro de bon de commande sur la facture || Notre service achats exige que le numéro de bon de commande {po} figure sur la facture. Pouvez-vous la rééditer ?",
        "Relance reçue par erreur || Nous avons reçu une relance pour la facture {inv} alors qu'elle a été réglée le {date} par virement.",
        "TVA pour une société suisse || Nous sommes une entreprise basée en Suisse, la TVA française ne devrait pas s'appliquer sur nos factures.",
        "Calcul du prorata || Nous avons ajouté cinq utilisateurs en milieu de mois, comment le prorata sera-t-il calculé sur la prochaine facture ?",
        "Destinataire des factures || Merci d'envoyer désormais les factures à compta@{domain} au lieu de mon adresse personnelle.",
        "Débit non identifié || Nous constatons un débit de {amount} sur notre compte que nous n'arrivons pas à rattacher à une facture.",
        "Dépôt sur Chorus Pro || Nous sommes une collectivité : pouvez-vous déposer vos factures sur Chorus Pro ?",
        "Paiement en plusieurs fois || Serait-il possible d'échelonner le paiement de la facture annuelle en trois fois ?",
        "Facture acquittée || Pourriez-vous me transmettre la facture {inv} acquittée, avec la mention du paiement ?",
        "Facturation en euros || Peut-on être facturés en euros plutôt qu'en dollars ?",
        "Remboursement toujours pas reçu || Vous nous aviez confirmé un remboursement de {amount} le {date}, nous ne l'avons toujours pas reçu.",
        "SIRET erroné sur les factures || Le SIRET indiqué sur nos factures est erroné, le bon numéro est {siret}.",
        "facture || bonjour je n'ai pas recu ma facture de {month}, vous pouvez me la renvoyer ? merci",
        "Question sur la facture {inv} || Pouvez-vous m'expliquer la ligne « frais de service » de {amount} sur la facture {inv} ? Elle n'apparaissait pas les mois précédents.",
        "Changement de moyen de paiement || Nous voulons passer du prélèvement SEPA au paiement par carte à partir du mois prochain. Comment procéder ?",
    ],
    ("Facturation", "en"): [
        "Duplicate invoice || We received invoice {inv} twice for {month}. Could you cancel the duplicate?",
        "Payment failed || I just got a notice that the payment of {amount} failed. Our bank details have changed; how do I update them?",
        "Refund request || We cancelled on {date} but were still charged the following month. Please refund {amount}.",
        "VAT number missing || Our VAT number {vat} doesn't appear on the invoices, which is a problem for our accountant.",
        "Credit note request || Invoice {inv} bills {n} seats but we only use {n2}. Could you issue a credit note?",
        "Billing address change || Please update our billing address, we've moved to {address}.",
        "Card declined || Our card is declined on renewal even though it's valid. Is there another way to pay?",
        "Missing invoice || I can't find the {month} invoice in the billing section. Could you email me the PDF?",
        "Wrong amount on invoice || The amount on invoice {inv} ({amount}) doesn't match the signed quote. Could you check?",
        "Pay by bank transfer || We'd rather pay by bank transfer than by card. Could you send your bank details?",
        "PO number on invoice || Our procurement team requires PO number {po} on the invoice. Could you reissue it?",
        "Payment reminder sent in error || We got a reminder for invoice {inv}, but it was paid by transfer on {date}.",
        "VAT exemption || We're a US company, so VAT shouldn't be applied to our invoices. Can you fix our billing profile?",
        "Proration question || We added five users mid-month. How will the proration be calculated on the next invoice?",
        "Invoice recipient || Please send invoices to accounts@{domain} from now on instead of my personal address.",
        "Unrecognised charge || There's a charge of {amount} on our statement that we can't match to any invoice.",
        "Invoice portal for procurement || Our company requires invoices to be submitted through our Coupa supplier portal. Can you do that?",
        "Instalments || Would it be possible to split the annual invoice into three payments?",
        "Receipt needed || Could you send me a paid receipt for invoice {inv}?",
        "Billing currency || Can we be billed in GBP instead of USD?",
        "Refund still not received || You confirmed a refund of {amount} on {date}, but we still haven't received it.",
        "Wrong company number || The company registration number on our invoices is wrong. Could you correct it?",
        "invoice || hi i didnt get the invoice for {month}, can u resend? thanks",
        "Question about invoice {inv} || What is the 'service fee' line of {amount} on invoice {inv}? It wasn't there in previous months.",
        "Change payment method || We'd like to switch from direct debit to card payments from next month. How do we do that?",
    ],
}

GENERAL_EVAL = {
    ("Technique", "fr"): [
        "Graphiques vides || Les graphiques de la page Statistiques restent vides depuis le changement d'heure, alors que les données brutes sont bien présentes.",
        "Clé API refusée en recette || Notre environnement de recette reçoit « invalid api key » à chaque appel, alors que la même clé fonctionne en local.",
        "Envoi de fichiers au-delà de 10 Mo || Impossible d'envoyer un fichier de plus de 10 Mo : la barre de progression s'arrête à 99 % puis affiche une erreur réseau.",
        "Rendez-vous décalés d'une heure || Les rendez-vous créés via l'API apparaissent décalés d'une heure dans le calendrier.",
        "Page de connexion en boucle || Après la saisie des identifiants, la page de connexion se recharge sans aucun message. Cache vidé, navigateur changé, rien n'y fait.",
        "Export PDF tronqué || Les exports PDF des devis coupent la dernière ligne du tableau dès qu'il y a plus de 20 articles.",
        "Erreur « database locked » || Le module de planification affiche « database locked » quand deux personnes modifient le planning en même temps.",
        "Notifications push en double || Sur iPhone, chaque notification push arrive deux fois depuis la dernière mise à jour.",
        "Filtre par statut inopérant || Le filtre par statut dans la liste des tickets ne filtre plus rien : tous les éléments restent affichés.",
        "Prévisualisation des images || les miniatures des images jointes ne s'affichent plus, juste une icone cassée",
    ],
    ("Technique", "en"): [
        "Charts skipping Sundays || Charts on the reports page skip every Sunday since the clocks changed.",
        "Sandbox API key invalid || Our staging environment gets 'invalid api key', while the same key works from Postman.",
        "Attachment preview spinning || Clicking an attachment preview shows a spinner forever; downloading the file works.",
        "Webhook signature mismatch || We can no longer validate your webhook signatures: the HMAC never matches since yesterday.",
        "Login loop on Edge || On Microsoft Edge the login page keeps reloading after we enter our credentials.",
        "Pagination bug || GET /v2/contacts?page=3 returns exactly the same items as page 2.",
        "Android push notifications missing || Android users stopped receiving push notifications; iOS users are fine.",
        "Custom field wiped on merge || Values of our custom 'Region' field are wiped whenever two tickets are merged.",
        "Desktop client memory || The desktop client climbs to 3 GB of RAM after a few hours and has to be restarted.",
        "broken image thumbnails || thumbnails of attached images dont show anymore, just a broken icon",
    ],
    ("Commercial", "fr"): [
        "Tarif start-up || Nous sommes une jeune start-up de quatre personnes : avez-vous un programme de lancement avec un tarif réduit la première année ?",
        "Engagement de l'abonnement || L'abonnement mensuel est-il sans engagement ? Et peut-on passer à l'annuel en cours de route ?",
        "Présentation au comité de direction || Pourriez-vous venir présenter la solution à notre comité de direction le mois prochain ?",
        "Marque blanche || Est-il possible de proposer votre outil en marque blanche à nos propres clients ? Quel serait le modèle de rémunération ?",
        "Différences entre les offres || Je ne vois pas sur votre site ce qui distingue l'offre Pro de l'offre Business : pouvez-vous m'envoyer le détail et les prix ?",
        "Contrat cadre groupe || Notre maison mère souhaite négocier un contrat cadre pour toutes ses filiales, soit environ {n} utilisateurs.",
        "Retour d'expérience client || Pourriez-vous nous mettre en relation avec un de vos clients du secteur {sector} avant que nous nous engagions ?",
        "Hausse de tarif au renouvellement || Nous avons reçu l'annonce d'une hausse de 12 % au renouvellement. Est-ce négociable vu notre ancienneté ?",
        "Pilote sur un service || Nous voudrions lancer un pilote de trois mois sur un seul service avant un déploiement global. À quelles conditions ?",
        "tarif pour 3 agents || salut, c combien pour 3 agents en mensuel ? on est un petit garage",
    ],
    ("Commercial", "en"): [
        "Startup program || We're a four-person startup. Do you have a startup program with reduced pricing for the first year?",
        "Monthly commitment || Is the monthly plan commitment-free, and can we switch to annual later on?",
        "Presentation to our board || Could you present the product to our leadership team next month?",
        "White-label option || Can we offer your tool white-labelled to our own clients? How would revenue sharing work?",
        "Plan comparison || I can't tell from your website what separates Pro from Business. Could you send me the details and prices?",
        "Group framework agreement || Our parent company wants to negotiate a framework agreement for all subsidiaries, roughly {n} users.",
        "Customer reference || Could you put us in touch with one of your customers in {sector} before we commit?",
        "Price increase at renewal || We were told about a 12% increase at renewal. Is that negotiable given how long we've been customers?",
        "Pilot in one department || We'd like a three-month pilot in a single department before rolling out company-wide. What are the terms?",
        "price for 3 agents || hey how much for 3 agents monthly? we're a tiny repair shop",
    ],
    ("Support", "fr"): [
        "Créer des équipes || Je voudrais organiser les agents en deux équipes, niveau 1 et niveau 2. Est-ce possible et comment ?",
        "Logo du portail || Où change-t-on le logo qui apparaît sur le portail client ?",
        "Étiquettes ou catégories ? || Quelle est la différence entre une étiquette et une catégorie dans vos tickets ? Je ne sais pas laquelle utiliser.",
        "Suspendre un compte temporairement || Une collègue part en congé maternité : peut-on suspendre son compte sans perdre son historique ?",
        "Raccourcis clavier || Existe-t-il des raccourcis clavier pour répondre plus vite aux tickets ?",
        "Importer l'historique || Nous changeons d'outil : peut-on importer chez vous l'historique de nos anciens tickets ?",
        "Réponses prédéfinies || Comment créer des réponses prédéfinies partagées par toute l'équipe ?",
        "Accès pour un prestataire || Nous voudrions donner un accès temporaire à un prestataire externe. Quelle est la bonne pratique ?",
        "Horaires du support || Quels sont vos horaires de support téléphonique, et y a-t-il une permanence le samedi ?",
        "changer mon nom || comment je change mon nom affiché ? il y a une faute dans mon prénom",
    ],
    ("Support", "en"): [
        "Setting up teams || I'd like to split agents into two teams, tier 1 and tier 2. Is that possible, and how?",
        "Portal logo || Where do we change the logo shown on the customer portal?",
        "Tags vs categories || What's the difference between a tag and a category on tickets? Not sure which one to use.",
        "Suspend an account temporarily || A colleague is going on parental leave. Can we suspend her account without losing her history?",
        "Keyboard shortcuts || Are there keyboard shortcuts to reply to tickets faster?",
        "Importing old tickets || We're switching tools. Can we import our old ticket history into your system?",
        "Canned responses || How do I create canned responses that the whole team can use?",
        "Access for a contractor || We want to give an external contractor temporary access. What's the best way to do it?",
        "Support hours || What are your phone support hours, and is there any cover on Saturdays?",
        "change my display name || how do i change my display name? theres a typo in it",
    ],
    ("Facturation", "fr"): [
        "Frais bancaires de rejet || Notre banque nous a facturé des frais de rejet suite à votre double prélèvement. Pouvez-vous nous les rembourser ?",
        "Factures au nom de la filiale || À partir de janvier, les factures doivent être établies au nom de notre filiale et non de la maison mère.",
        "Nouveau mandat SEPA || Pouvez-vous m'envoyer un nouveau mandat SEPA à signer ? Le précédent a été révoqué par notre banque.",
        "Code promo non déduit || Le code de réduction utilisé à la souscription n'a pas été déduit de la première facture.",
        "Archive des factures 2024 || Est-il possible de récupérer toutes nos factures 2024 dans une seule archive pour l'expert-comptable ?",
        "Taux de TVA erroné || La facture {inv} applique une TVA à 10 % au lieu de 20 % ; notre comptable demande une correction.",
        "Prélèvement anticipé || Le prélèvement a eu lieu le 1er du mois alors que notre contrat prévoit le 10.",
        "Facture pro forma || Notre service achats a besoin d'une facture pro forma avant de pouvoir lancer le paiement.",
        "Dépassement de stockage facturé || On nous facture un dépassement de stockage alors que nous sommes sous la limite de notre offre.",
        "paiement refusé ?? || j'ai un mail qui dit paiement refusé mais ma banque dit que tout est ok, je comprends pas",
    ],
    ("Facturation", "en"): [
        "Bank charges for the returned debit || Our bank charged us return fees after your duplicate direct debit. Can you reimburse them?",
        "Invoices to our subsidiary || From January, invoices must be made out to our subsidiary rather than the parent company.",
        "New direct debit mandate || Could you send me a new direct debit mandate to sign? Our bank revoked the old one.",
        "Promo code not applied || The discount code we used at sign-up wasn't taken off the first invoice.",
        "All 2024 invoices || Can we get all our 2024 invoices in a single archive for our accountant?",
        "Wrong VAT rate || Invoice {inv} charges VAT at 5% instead of 20%; our accountant needs it corrected.",
        "Debit taken early || The direct debit was taken on the 1st although our contract says the 10th.",
        "Pro forma invoice || Our purchasing department needs a pro forma invoice before they can release payment.",
        "Storage overage charge || We've been charged a storage overage but we're under our plan's limit.",
        "payment declined?? || got an email saying payment declined but my bank says everything is fine, confused",
    ],
}

CRITIQUE = {
    ("Technique", "fr"): [
        "Connexions non autorisées || Nous avons détecté des connexions non autorisées depuis l'étranger sur plusieurs comptes, et des exports de données ont été faits cette nuit. Merci de bloquer ces accès immédiatement.",
        "Instance arrêtée, disque plein || Notre instance dédiée est arrêtée depuis {time} : disque plein, plus aucune écriture possible, les commandes de nos clients sont perdues.",
        "Plateforme inaccessible || Plus personne chez nous ne peut accéder à la plateforme depuis {time}, on obtient une page « Service unavailable ». Toute notre activité est à l'arrêt.",
        "Production arrêtée - API en erreur || Notre production est arrêtée : l'API répond 503 sur tous les appels depuis {time} et nos clients ne peuvent plus passer commande.",
        "Perte de données || Toutes les fiches clients créées depuis lundi ont disparu après la mise à jour de cette nuit. C'est une perte de données grave, il nous faut une restauration.",
        "Fuite de données entre clients || Nous avons constaté que des utilisateurs d'un autre client voient nos documents dans leur espace. C'est une faille de sécurité, merci d'intervenir immédiatement.",
        "Compte administrateur piraté || Le compte administrateur a été compromis cette nuit : des utilisateurs ont été supprimés et les mots de passe changés. Nous soupçonnons un piratage.",
        "Paiements en ligne hors service || Le module de paiement ne valide plus aucune transaction depuis {time}, nous perdons des ventes à chaque minute.",
        "Base de données corrompue || Depuis l'incident de ce matin, notre instance renvoie des erreurs d'intégrité de base de données et plus aucun écran ne s'ouvre.",
        "Tous les sites clients en erreur 500 || Les {n} sites que nous hébergeons chez vous affichent une erreur 500. Nos clients nous appellent en boucle.",
        "Catalogue effacé par la synchro || La synchronisation a écrasé notre base produits avec un fichier vide : {n} références supprimées, le site e-commerce est vide.",
        "PANNE - plus rien ne fonctionne || Plus rien ne fonctionne depuis {time} : ni la connexion, ni l'API, ni l'application mobile. Nos équipes terrain sont sans outil.",
    ],
    ("Technique", "en"): [
        "Unauthorised logins || We detected unauthorised logins from abroad on several accounts, and data exports were run overnight. Please block this access immediately.",
        "Instance down, disk full || Our dedicated instance has been down since {time}: disk full, no writes possible, customer orders are being lost.",
        "Production down || Our production environment is down: every API call has returned 503 since {time}. Customers cannot place orders.",
        "Platform unreachable for everyone || The whole platform has been unreachable for all our users since {time}; we only get 'Service Unavailable'.",
        "Data loss after update || All projects created this week disappeared after last night's update. This is serious data loss and we need a restore.",
        "Security breach - other customers' data visible || Our users can see documents belonging to another company in their workspace. This is a security breach.",
        "Admin account hacked || Our admin account was compromised overnight: users were deleted and passwords changed. We think we've been hacked.",
        "Payments failing in production || No payment has gone through since {time}. Checkout is completely broken and we are losing sales every minute.",
        "Database errors, nothing loads || Since this morning's incident every page throws a database error and nobody in the company can work.",
        "All hosted sites returning 500 || All {n} sites we host with you return a 500 error. Our clients are calling us non-stop.",
        "Sync wiped our catalogue || The product sync overwrote our catalogue with an empty file: {n} products deleted and the shop is empty.",
        "OUTAGE - nothing works || Nothing works since {time}: login, API and mobile app are all down. Our field teams have no tools at all.",
    ],
    ("Commercial", "fr"): [
        "Contrat expiré, accès coupé || Notre contrat a expiré cette nuit et l'accès a été coupé pour tous nos utilisateurs, alors que le bon de commande de renouvellement vous a été envoyé la semaine dernière. Toute notre activité est arrêtée.",
        "Renouvellement non pris en compte - plateforme bloquée || Le renouvellement signé avec votre commercial n'a pas été enregistré : la plateforme est bloquée pour nos {n} agents depuis ce matin, plus aucun client n'est servi.",
        "Offre résiliée par erreur || Votre service commercial a résilié notre abonnement à la place d'un autre client. Nos données sont annoncées comme supprimées sous 24 h, il faut annuler ça tout de suite.",
    ],
    ("Commercial", "en"): [
        "Contract expired, access cut off || Our contract expired overnight and access was cut for all our users, even though we sent the renewal order form last week. Our whole operation is stopped.",
        "Renewal not applied - platform locked || The renewal we signed with your account manager wasn't applied: the platform has been locked for our {n} agents since this morning and no customer is being served.",
        "Subscription cancelled by mistake || Your sales team cancelled our subscription instead of another customer's. We're told our data will be deleted within 24 hours; this must be reversed right now.",
    ],
    ("Support", "fr"): [
        "Tous les membres retirés du compte || En voulant retirer un seul utilisateur depuis l'administration, tous les membres de notre compte ont disparu. Plus personne ne peut se connecter et notre accueil client est à l'arrêt.",
        "Espace de travail supprimé par erreur || Un collègue a supprimé par erreur notre espace de travail principal avec tous les dossiers clients. Pouvez-vous le restaurer ? Sans lui plus personne ne peut travailler.",
        "Tous les administrateurs verrouillés || Les trois comptes administrateurs ont été verrouillés après l'activation de la nouvelle politique de mot de passe. Plus personne ne peut gérer les accès et nos {n} agents sont bloqués.",
        "Compte fermé sans demande || Notre compte a été fermé alors que nous n'avons jamais demandé la résiliation. Nos clients ne peuvent plus déposer de demande, c'est une situation critique.",
        "Propriétaire du compte décédé || Le propriétaire du compte est décédé brutalement et personne d'autre n'a les droits d'administration ; nous ne pouvons plus rien modifier et le service est à l'arrêt.",
    ],
    ("Support", "en"): [
        "All users removed from the account || While removing one user in the admin area, every member of our account vanished. Nobody can log in and our front desk is stopped.",
        "Workspace deleted by mistake || A colleague deleted our main workspace by mistake, with all customer files in it. Can you restore it? Nobody can work without it.",
        "All admins locked out || All three admin accounts got locked after the new password policy was switched on. Nobody can manage access and our {n} agents are stuck.",
        "Account closed without request || Our account was closed although we never asked to cancel. Customers can no longer submit requests; this is critical.",
        "Only admin left the company || Our only admin left suddenly and nobody else has admin rights. We can't change anything and service is at a standstill.",
    ],
    ("Facturation", "fr"): [
        "Double prélèvement sur tous nos abonnements || Chacun de nos {n} abonnements a été prélevé deux fois cette nuit. Notre trésorerie ne couvre plus les salaires de demain, il faut annuler ces prélèvements immédiatement.",
        "Prélèvements répétés || Notre banque nous signale {n2} prélèvements identiques de {amount} depuis hier soir. Arrêtez les prélèvements tout de suite, notre compte est bloqué.",
        "Compte suspendu pour impayé par erreur || Notre compte a été suspendu pour impayé alors que la facture {inv} est réglée. Plus aucun de nos {n} utilisateurs ne peut travailler, la production est arrêtée.",
        "Prélèvement dix fois trop élevé || Vous avez prélevé dix fois le montant habituel ({amount} multiplié par dix). Notre compte est à découvert et les salaires ne peuvent pas partir : il faut rembourser immédiatement.",
        "Débits frauduleux sur la carte enregistrée || Nous constatons des débits frauduleux depuis la carte enregistrée dans notre compte chez vous. Nous craignons une faille de sécurité sur vos paiements.",
        "Service coupé malgré le paiement || Le service a été coupé ce matin pour défaut de paiement alors que le virement est parti il y a une semaine. Nos clients n'ont plus accès à rien.",
    ],
    ("Facturation", "en"): [
        "Every subscription charged twice || Each of our {n} subscriptions was charged twice overnight. We can't cover payroll tomorrow; please reverse these charges immediately.",
        "Repeated charges || Our bank reports {n2} identical charges of {amount} since last night. Stop the charges right now, our account is frozen.",
        "Account suspended for non-payment by mistake || Our account was suspended for non-payment although invoice {inv} is paid. None of our {n} users can work and production is stopped.",
        "Charged ten times the usual amount || You charged us ten times our usual amount ({amount} times ten). Our account is overdrawn and payroll can't go out; please refund immediately.",
        "Fraudulent charges on stored card || We see fraudulent charges on the card stored in our account with you. We fear a security breach in your payment system.",
        "Service cut off despite payment || Service was cut off this morning for non-payment, yet our transfer went out a week ago. Our customers have no access to anything.",
    ],
}

CRITIQUE_EVAL = {
    ("Technique", "fr"): [
        "Panne générale web et mobile || Panne générale chez nous : ni l'application web ni le mobile ne répondent depuis une heure, nos {n} techniciens n'ont plus leur planning.",
        "Ransomware sur un serveur connecté || Un de nos serveurs relié à votre agent de sauvegarde est touché par un ransomware. Pouvez-vous couper son accès et vérifier que nos sauvegardes sont intactes ?",
        "Sauvegardes introuvables || Le dossier des sauvegardes de notre instance est vide et le serveur principal vient de tomber. Nous risquons de tout perdre.",
        "Clés API exposées || Nos clés API apparaissent en clair dans les journaux publics de votre page de statut. N'importe qui peut accéder à notre compte.",
    ],
    ("Technique", "en"): [
        "Complete outage, web and mobile || Complete outage: neither the web app nor the mobile app has responded for an hour, and our {n} field technicians have no schedule.",
        "Possible ransomware || One of our servers running your backup agent has been hit by ransomware. Please revoke its access and check that our backups are safe.",
        "Backups gone || The backup folder of our instance is empty and the main server has just gone down. We could lose everything.",
        "Leaked API keys || Our API keys show up in plain text in your public status page logs. Anyone could get into our account.",
    ],
    ("Commercial", "fr"): [
        "Licences désactivées par erreur || Suite à la réduction de licences négociée avec votre commercial, {n} comptes ont été désactivés par erreur ce matin, dont ceux de notre service d'urgence. Il faut les réactiver tout de suite.",
    ],
    ("Commercial", "en"): [
        "Seats deactivated by mistake || After the seat reduction agreed with your sales rep, {n} accounts were deactivated by mistake this morning, including our emergency desk. They need to be reactivated right now.",
    ],
    ("Support", "fr"): [
        "Comptes agents désactivés après l'import || L'import de notre annuaire a désactivé tous les comptes agents. Notre centre d'appels de {n} personnes ne peut plus rien faire depuis une heure.",
        "Dossiers invisibles après changement d'offre || Depuis le passage à l'offre inférieure, nos anciens dossiers clients ne sont plus visibles du tout. Si c'est une suppression, c'est une catastrophe pour nous.",
        "Espace client désactivé le jour de l'ouverture || Notre espace client a été désactivé le jour de notre ouverture au public. Les clients ne peuvent ni se connecter ni nous écrire, c'est critique.",
    ],
    ("Support", "en"): [
        "Agent accounts disabled after import || Importing our staff directory disabled every agent account. Our {n}-person call centre has been unable to work for an hour.",
        "Files gone after plan change || Since we moved to the smaller plan, none of our old customer files are visible. If they've been deleted, it's a disaster for us.",
        "Portal disabled on launch day || Our customer portal was disabled on the very day we launch. Customers can neither log in nor contact us; this is critical.",
    ],
    ("Facturation", "fr"): [
        "Tarif annuel facturé par licence || Vous avez facturé le tarif annuel pour chacune de nos {n} licences au lieu d'une seule facture, soit {amount} par licence. Le compte est vide, il faut annuler ces débits aujourd'hui même.",
        "Carte de l'entreprise bloquée || Notre banque a bloqué la carte de l'entreprise après une série de paiements suspects vers votre société. Plus aucun fournisseur ne peut être payé.",
        "Prélèvements en boucle || Votre système nous prélève {amount} toutes les heures depuis cette nuit, déjà neuf fois. Notre trésorerie est vidée, arrêtez les prélèvements immédiatement.",
    ],
    ("Facturation", "en"): [
        "Annual price billed per seat || You billed the annual price for each of our {n} seats instead of one invoice, {amount} per seat. The account is empty; these debits must be cancelled today.",
        "Company card blocked || Our bank blocked the company card after a series of suspicious payments to your company. We can't pay any supplier now.",
        "Charged every hour || Your system has charged us {amount} every hour since last night, nine times already. Our cash is drained; stop the charges immediately.",
    ],
}

BASSE = {
    ("Technique", "fr"): [
        "Ordre des colonnes de l'export || Dans l'export CSV, la colonne date arrive en dernier, ce serait plus logique en premier.",
        "Faute dans l'interface || Sur l'écran des paramètres, le bouton indique « Enregister » au lieu de « Enregistrer ».",
        "Lien mort dans la documentation || Le lien vers la page « Webhooks » dans votre documentation API renvoie une 404.",
        "Icône décalée sous Safari || Sous Safari, l'icône de la cloche est légèrement décalée dans le menu du haut.",
        "Avertissement dans le SDK || Le SDK JavaScript affiche un avertissement de dépréciation dans la console. Tout fonctionne, c'est pour info.",
        "Petite lenteur hier || Hier vers 17 h l'application a été un peu lente pendant dix minutes, puis tout est revenu à la normale.",
    ],
    ("Technique", "en"): [
        "Column order in the export || In the CSV export the date column comes last; it would make more sense first.",
        "Typo in the UI || On the settings screen the button says 'Sve' instead of 'Save'.",
        "Dead link in docs || The link to the 'Webhooks' page in your API docs returns a 404.",
        "Icon misaligned in Safari || In Safari the bell icon in the top menu is slightly off-centre.",
        "Deprecation warning in SDK || The JavaScript SDK logs a deprecation warning in the console. Everything works, just so you know.",
        "Brief slowness yesterday || Yesterday around 5pm the app was a bit slow for ten minutes, then everything went back to normal.",
    ],
    ("Commercial", "fr"): [
        "Invitation à un petit-déjeuner || Nous organisons en juin un petit-déjeuner entre éditeurs du secteur, seriez-vous intéressés ?",
        "Ordre de grandeur des tarifs || Par curiosité, quel serait l'ordre de grandeur du prix pour une cinquantaine d'utilisateurs ? Pas de projet concret pour l'instant.",
        "Inscription à la newsletter || Pourriez-vous m'inscrire à votre newsletter produit ?",
        "Brochure commerciale || Auriez-vous une brochure à jour que je pourrais partager en interne ? Nous n'avons pas de projet immédiat.",
        "Suite au salon || Nous nous sommes croisés au salon VivaTech, je me permets de vous écrire pour garder le contact.",
        "Préparation du budget || Nous préparons le budget de l'an prochain et voudrions une idée approximative de vos tarifs.",
    ],
    ("Commercial", "en"): [
        "Breakfast invitation || We're hosting a breakfast for software vendors in our sector in June. Would you like to join?",
        "Ballpark pricing || Out of curiosity, what would be the ballpark price for around fifty users? No concrete project yet.",
        "Newsletter sign-up || Could you add me to your product newsletter?",
        "Sales brochure || Do you have an up-to-date brochure I could share internally? No immediate project.",
        "After the trade show || We met at the Web Summit and I wanted to stay in touch.",
        "Budget planning || We're planning next year's budget and would like a rough idea of your prices.",
    ],
    ("Support", "fr"): [
        "Suggestion : vue calendrier || Une vue calendrier des tickets serait un vrai plus pour planifier nos interventions.",
        "Feuille de route || Avez-vous une feuille de route publique ? Nous aimerions savoir si le partage d'écran dans le chat est prévu.",
        "Suggestion : mode sombre || Ce serait super d'avoir un mode sombre dans l'application. Merci pour votre travail !",
        "Merci pour votre aide || Je voulais simplement remercier {agent} pour son aide la semaine dernière, tout est réglé.",
        "Idée d'amélioration || Ce serait pratique de pouvoir trier les tickets par date de dernière réponse.",
        "Retour après trois mois || Après trois mois d'utilisation l'équipe est ravie. Petite remarque : le menu de gauche est un peu chargé.",
    ],
    ("Support", "en"): [
        "Suggestion: calendar view || A calendar view of tickets would really help us plan site visits.",
        "Roadmap question || Do you have a public roadmap? We'd like to know whether screen sharing in chat is planned.",
        "Suggestion: dark mode || It would be great to have a dark mode in the app. Thanks for your work!",
        "Thanks for the help || Just wanted to say thanks to {agent} for the help last week, all sorted now.",
        "Improvement idea || It would be handy to sort tickets by date of last reply.",
        "Feedback after three months || Three months in, the team loves it. One small remark: the left menu feels a bit crowded.",
    ],
    ("Facturation", "fr"): [
        "Libellé des prélèvements || Le libellé de vos prélèvements sur notre relevé bancaire est peu clair, ce serait bien d'y voir votre nom commercial.",
        "Changement d'exercice comptable || Pour information, à partir de l'an prochain notre exercice comptable commencera en avril. Faut-il changer quelque chose de votre côté ?",
        "Présentation des factures || Petite remarque : ce serait pratique d'avoir notre numéro client en haut de la facture.",
        "Récapitulatif annuel || Pourriez-vous m'envoyer un récapitulatif des sommes payées en 2024 ?",
    ],
    ("Facturation", "en"): [
        "Direct debit label || The label of your direct debits on our bank statement is unclear; showing your trading name would help.",
        "Fiscal year change || For your information, our fiscal year will start in April from next year. Does anything need to change on your side?",
        "Invoice layout || Small remark: it would be handy to have our customer number at the top of the invoice.",
        "Yearly statement || Could you send me a statement of everything we paid in 2024?",
    ],
}

BASSE_EVAL = {
    ("Technique", "fr"): [
        "Traduction manquante || Dans la version française, le menu « Settings » n'est pas traduit.",
        "Favicon flou || Le favicon de votre portail est flou sur les écrans haute résolution, c'est tout bête.",
    ],
    ("Technique", "en"): [
        "Untranslated menu || In the German version the 'Einstellungen' menu still shows 'Settings'.",
        "Blurry favicon || Your portal's favicon looks blurry on high-resolution screens. Tiny thing.",
    ],
    ("Commercial", "fr"): [
        "Étude de cas || Seriez-vous intéressés par une étude de cas sur notre utilisation de votre outil, pour votre blog ?",
        "Benchmark du marché || Je fais un benchmark des outils du marché pour un projet l'an prochain. Pouvez-vous m'envoyer votre grille tarifaire publique ?",
    ],
    ("Commercial", "en"): [
        "Case study || Would you be interested in a case study of how we use your tool, for your blog?",
        "Market research || I'm comparing tools on the market for a project next year. Could you send me your public price list?",
    ],
    ("Support", "fr"): [
        "Merci pour la formation || La session de formation d'hier était très claire, merci à toute l'équipe.",
        "Idée : intégration Notion || Une intégration avec Notion serait appréciée un jour, si c'est dans vos plans.",
    ],
    ("Support", "en"): [
        "Thanks for the training || Yesterday's training session was very clear, thanks to the whole team.",
        "Idea: Notion integration || A Notion integration would be nice some day, if it's on your roadmap.",
    ],
    ("Facturation", "fr"): [
        "Une facture annuelle plutôt que douze || À terme, nous préférerions peut-être une seule facture annuelle plutôt que douze mensuelles. Est-ce envisageable ?",
        "Format Factur-X || Envisagez-vous de passer au format Factur-X pour vos factures ? Simple curiosité.",
    ],
    ("Facturation", "en"): [
        "One yearly invoice || At some point we might prefer one yearly invoice rather than twelve monthly ones. Is that possible?",
        "E-invoicing format || Are you planning to support structured e-invoices (UBL)? Just curious.",
    ],
}

# Optional detail sentences, per category (the last quarter of each list is kept for eval).
DETAILS = {
    ("Technique", "fr"): [
        "J'ai joint une capture d'écran.", "Notre identifiant client est le {cid}.", "Le problème se produit sur tous les navigateurs.",
        "Nous n'avons rien changé de notre côté.", "Le message d'erreur exact est : {err}.", "Ça touche au moins {n2} utilisateurs.",
        "J'ai essayé en navigation privée, même chose.", "Les journaux de notre côté ne montrent rien de particulier.",
    ],
    ("Technique", "en"): [
        "Screenshot attached.", "Our customer ID is {cid}.", "It happens in every browser we tried.", "We haven't changed anything on our side.",
        "The exact error is: {err}.", "At least {n2} users are affected.", "Tried in incognito mode, same thing.", "Our own logs show nothing unusual.",
    ],
    ("Commercial", "fr"): [
        "Nous sommes basés à {city}.", "Notre budget est d'environ {amount} par an.", "Nous sommes actuellement {n2} dans l'équipe support.",
        "Vous pouvez me joindre au {phone}.", "Nous avons découvert votre solution via un partenaire.", "La décision sera prise par notre direction.",
        "Nous comparons trois solutions.", "Un devis en euros HT serait parfait.",
    ],
    ("Commercial", "en"): [
        "We're based in {city}.", "Our budget is about {amount} a year.", "There are currently {n2} of us in support.", "You can reach me on {phone}.",
        "A partner recommended your product.", "The final decision sits with our leadership.", "We're comparing three vendors.", "A quote excluding VAT would be ideal.",
    ],
    ("Support", "fr"): [
        "Notre compte est au nom de {company}.", "J'ai regardé la FAQ sans trouver.", "Je suis sur l'offre {plan}.", "Nous sommes {n2} utilisateurs.",
        "Une capture d'écran du menu est jointe.", "Je ne suis pas très à l'aise avec l'outil.", "J'ai cherché dans l'aide en ligne.", "Merci de répondre à cette adresse.",
    ],
    ("Support", "en"): [
        "Our account is under {company}.", "I checked the FAQ but couldn't find it.", "We're on the {plan} plan.", "There are {n2} users on our account.",
        "Screenshot of the menu attached.", "I'm not very familiar with the tool yet.", "I searched the help centre.", "Please reply to this address.",
    ],
    ("Facturation", "fr"): [
        "Notre numéro client : {cid}.", "Je joins le relevé bancaire.", "Notre comptable est en copie.", "Le paiement a été fait depuis le compte de {company}.",
        "La facture précédente était correcte.", "Nous sommes sur l'offre {plan}.", "Le justificatif de virement est joint.", "Référence de la transaction : {reqid}.",
    ],
    ("Facturation", "en"): [
        "Customer number: {cid}.", "Bank statement attached.", "Our accountant is copied.", "Payment was made from {company}'s account.",
        "The previous invoice was correct.", "We're on the {plan} plan.", "Proof of transfer attached.", "Transaction reference: {reqid}.",
    ],
}

# Phrases that set the priority. Generic ones, then category-specific ones (Haute mostly).
PHRASES = {
    ("Critique", "fr"): [
        "C'est une catastrophe pour nous.", "C'est très grave.", "Nous risquons de perdre des clients dès aujourd'hui.", "Il faut agir tout de suite.",
        "C'est critique pour nous.", "Merci de traiter en priorité absolue.", "Nous avons besoin d'une intervention immédiate.",
        "Chaque heure d'arrêt nous coûte très cher.", "Pouvez-vous escalader à l'équipe d'astreinte ?", "Merci de me rappeler au {phone} au plus vite.",
        "C'est une urgence absolue.",
    ],
    ("Critique", "en"): [
        "This is a disaster for us.", "This is very serious.", "We risk losing customers today.", "Action is needed right now.",
        "This is critical for us.", "Please treat this as top priority.", "We need someone on this immediately.",
        "Every hour of downtime costs us a lot of money.", "Please escalate to your on-call engineer.", "Call me on {phone} as soon as possible.",
        "This is an emergency.",
    ],
    ("Haute", "fr"): [
        "Merci de faire vite.", "Nous avons une échéance aujourd'hui.", "C'est pressant.", "Il faut une solution avant midi.", "Délai : aujourd'hui.", "Nous sommes bloqués en attendant.", "Pouvez-vous traiter ça en priorité aujourd'hui ?", "Nous sommes coincés tant que ce n'est pas résolu.", "J'ai besoin d'une réponse rapide, merci.", "Réponse attendue avant 17 h.",
        "C'est urgent.", "Il nous faut une réponse avant ce soir.", "Merci de traiter cela aujourd'hui si possible, nous ne pouvons pas avancer.",
        "C'est bloquant pour nous, merci de faire au plus vite.",
    ],
    ("Haute", "en"): [
        "Please hurry.", "We have a deadline today.", "It's pressing.", "We need a solution before noon.", "Deadline: today.", "We're blocked until then.", "Can you prioritise this today?", "We're stuck until this is resolved.", "I need a quick answer please.", "Answer needed before 5pm.",
        "This is urgent.", "We need an answer before the end of the day.", "Please handle this today if you can, we can't move forward.",
        "This is blocking us, please be quick.",
    ],
    ("Moyenne", "fr"): [
        "Merci de revenir vers moi quand vous pourrez.", "Un retour dans les jours qui viennent serait bien.", "Je reste à votre disposition pour toute information complémentaire.", "N'hésitez pas si vous avez besoin de précisions.", "Quand vous pourrez dans la semaine.", "Je vous remercie de votre aide.",
        "Merci de me tenir informé.", "Merci d'avance pour votre retour.", "Une réponse dans la semaine serait parfaite.",
        "Pouvez-vous revenir vers moi dans les prochains jours ?",
    ],
    ("Moyenne", "en"): [
        "Please get back to me when you can.", "A reply in the coming days would be good.", "I'm available if you need more information.", "Let me know if you need more details.", "Whenever you can this week.", "Thank you for your help.",
        "Please keep me posted.", "Thanks in advance for your help.", "An answer sometime this week would be great.",
        "Could you get back to me in the next few days?",
    ],
    ("Basse", "fr"): [
        "Ce n'est pas important, juste pour votre info.", "Sans urgence.", "Pas prioritaire.", "Quand vous en aurez l'occasion.", "Aucune urgence de notre côté, répondez quand vous pouvez.", "Pas de stress, ce n'est qu'une question.", "Ça peut attendre.", "À regarder quand vous aurez un creux.", "Juste une remarque en passant.",
        "Rien d'urgent, c'est juste pour information.", "Aucune urgence, quand vous aurez le temps.", "Pas pressé du tout.", "Rien ne presse.",
    ],
    ("Basse", "en"): [
        "Not important, just FYI.", "No urgency.", "Low priority.", "Whenever you get the chance.", "No urgency on our side, reply whenever.", "No stress, it's only a question.", "It can wait.", "Have a look when things are quiet.", "Just a passing remark.",
        "Nothing urgent, just letting you know.", "No rush at all, whenever you have time.", "Not in a hurry.", "No hurry on this one.",
    ],
}

PHRASES_BY_CATEGORY = {
    ("Haute", "Technique", "fr"): [
        "Ça bloque nos commerciaux depuis ce matin.", "Notre mise en production est prévue demain matin.",
        "Le service client ne peut plus répondre tant que ce n'est pas réglé.", "C'est bloquant pour toute l'équipe.",
        "Nous avons une démo client cet après-midi, il nous faut une solution aujourd'hui.", "Toute l'équipe de {n2} personnes est bloquée.",
        "Nous devons livrer ce soir, merci de regarder rapidement.",
    ],
    ("Haute", "Technique", "en"): [
        "Our sales reps have been stuck since this morning.", "We go live tomorrow morning.",
        "Our support agents can't answer customers until this is fixed.", "It's blocking the whole team.",
        "We have a customer demo this afternoon, so we need a fix today.", "Our whole team of {n2} people is blocked.",
        "We have to deliver tonight, please look at it quickly.",
    ],
    ("Haute", "Commercial", "fr"): [
        "Notre comité valide le budget demain matin, il nous faut le devis aujourd'hui.", "Nous devons signer avant la fin de la journée.",
        "Notre direction attend votre proposition pour ce soir.", "L'offre doit être retenue aujourd'hui, sinon le budget part ailleurs.",
    ],
    ("Haute", "Commercial", "en"): [
        "Our committee signs off the budget tomorrow morning, so we need the quote today.", "We need to sign before the end of the day.",
        "Our leadership expects your proposal tonight.", "If we can't decide today, the budget goes elsewhere.",
    ],
    ("Haute", "Support", "fr"): [
        "Le nouvel arrivant commence demain matin et n'a toujours pas d'accès.", "Nous formons toute l'équipe cet après-midi, il nous faut la réponse avant.",
        "Nous ouvrons le service aux clients demain, c'est urgent.", "Sans cela, l'équipe ne peut pas traiter ses dossiers aujourd'hui.",
        "Toute l'équipe de {n2} personnes est bloquée en attendant.",
    ],
    ("Haute", "Support", "en"): [
        "The new starter begins tomorrow morning and still has no access.", "We're training the whole team this afternoon and need the answer before then.",
        "We open the service to customers tomorrow, so this is urgent.", "Without it the team can't work its queue today.",
        "Our team of {n2} people is blocked until then.",
    ],
    ("Haute", "Facturation", "fr"): [
        "C'est urgent, la clôture du mois est demain.", "C'est bloquant pour toute l'équipe comptable.",
        "Notre service comptable bloque le paiement tant que ce n'est pas corrigé, et l'échéance est aujourd'hui.", "Notre expert-comptable en a besoin aujourd'hui.",
    ],
    ("Haute", "Facturation", "en"): [
        "Month-end close is tomorrow, so this is urgent.", "This is blocking our whole finance team.",
        "Accounts payable won't release payment until it's fixed, and it's due today.", "Our auditor needs it today.",
    ],
    ("Moyenne", "Technique", "fr"): [
        "Ce n'est pas bloquant mais assez gênant au quotidien.", "Nous avons un contournement pour l'instant.", "Pouvez-vous regarder dans la journée ou demain ?",
    ],
    ("Moyenne", "Technique", "en"): [
        "It's not blocking but it's annoying day to day.", "We have a workaround for now.", "Could you look into it today or tomorrow?",
    ],
    ("Moyenne", "Commercial", "fr"): [
        "Nous aimerions avancer sur le sujet dans les prochaines semaines.", "Nous prévoyons de décider d'ici la fin du mois.",
    ],
    ("Moyenne", "Commercial", "en"): [
        "We'd like to move forward in the next few weeks.", "We plan to decide by the end of the month.",
    ],
    ("Moyenne", "Support", "fr"): [
        "Pouvez-vous me dire comment procéder ?", "En attendant, nous faisons la manipulation à la main.",
    ],
    ("Moyenne", "Support", "en"): [
        "Could you tell me how to proceed?", "In the meantime we're doing it by hand.",
    ],
    ("Moyenne", "Facturation", "fr"): [
        "Merci de corriger pour la prochaine échéance.", "Pouvez-vous régulariser dans les prochains jours ?",
    ],
    ("Moyenne", "Facturation", "en"): [
        "Please correct it before the next billing date.", "Could you sort it out in the next few days?",
    ],
    ("Basse", "Technique", "fr"): [
        "C'est un détail, je vous le signale au cas où.", "Ça n'arrive qu'une fois de temps en temps, ce n'est pas gênant.",
        "À voir pour une prochaine version, rien ne presse.",
    ],
    ("Basse", "Technique", "en"): [
        "It's minor, just reporting it in case.", "It only happens once in a while, not a big deal.", "Maybe for a future release, no rush.",
    ],
    ("Basse", "Commercial", "fr"): [
        "Nous n'avons pas de projet avant l'an prochain, c'est pour nous renseigner.", "Simple prise de renseignements, aucune urgence.",
    ],
    ("Basse", "Commercial", "en"): [
        "We have no project before next year, we're just gathering information.", "Just gathering information, no urgency.",
    ],
    ("Basse", "Support", "fr"): [
        "C'est plus une curiosité qu'un besoin, aucune urgence.", "Nous nous débrouillons très bien sans, c'est juste pour savoir.",
    ],
    ("Basse", "Support", "en"): [
        "More curiosity than a need, no urgency.", "We manage fine without it, just wondering.",
    ],
    ("Basse", "Facturation", "fr"): [
        "Ce n'est pas pressé, la prochaine facture suffira.", "Aucune urgence, à régulariser quand vous pourrez.",
    ],
    ("Basse", "Facturation", "en"): [
        "Not pressing, the next invoice will do.", "No urgency, fix it whenever you can.",
    ],
}

PHRASES_EVAL = {
    ("Critique", "fr"): ["Intervention immédiate demandée, s'il vous plaît.", "Appelez-moi, c'est très grave."],
    ("Critique", "en"): ["Need an immediate response, please.", "This is as bad as it gets for us."],
    ("Haute", "fr"): ["Date limite ce soir 18 h, on compte sur vous.", "Il nous faut un retour avant midi, c'est pressant."],
    ("Haute", "en"): ["Deadline is 6pm today, counting on you.", "We need an answer before noon, it's pressing."],
    ("Moyenne", "fr"): ["Un retour d'ici vendredi nous irait bien.", "Merci de revenir vers moi quand vous pourrez cette semaine.", "Je reste disponible si besoin de précisions."],
    ("Moyenne", "en"): ["A reply by Friday would be fine.", "Please get back to me when you can this week.", "Happy to give more details if needed."],
    ("Basse", "fr"): ["Vraiment pas prioritaire, à voir à l'occasion.", "Pas besoin de répondre vite, ce n'est pas important."],
    ("Basse", "en"): ["Really low priority, have a look some day.", "No need to reply quickly, it's not important."],
}

GREETINGS = {
    "fr": ["Bonjour,", "Bonjour,", "Bonjour à tous,", "Madame, Monsieur,", "Hello,", "Bonsoir,", "Bonjour l'équipe,", "", "Salut,", "Bonjour {agent},"],
    "en": ["Hi,", "Hello,", "Hi team,", "Dear Support,", "Good morning,", "Hey,", "", "Dear Sir or Madam,", "Hi there,", "Hi {agent},"],
}
CLOSINGS = {
    "fr": ["Merci d'avance.", "Cordialement,", "Bien cordialement,", "Bonne journée,", "Merci,", "Dans l'attente de votre retour,", "Salutations,", "Cdlt", ""],
    "en": ["Thanks,", "Best regards,", "Kind regards,", "Cheers,", "Thank you,", "Regards,", "Many thanks,", "Thx", ""],
}
ROLES = {
    "fr": ["Responsable informatique", "Office manager", "Directrice administrative et financière", "Chef de projet", "Gérant", "Comptable", "Responsable support", "Acheteuse"],
    "en": ["IT Manager", "Office Manager", "Finance Director", "Project Lead", "Founder", "Accountant", "Head of Support", "Procurement Officer"],
}
QUOTES = {
    "fr": [
        "Bonjour, pourriez-vous nous donner plus de détails (capture d'écran, heure de l'incident) ?",
        "Bonjour, merci pour votre message. Nous revenons vers vous rapidement.",
        "Bonjour, avez-vous pu tester la solution proposée ?",
        "Bonjour, votre demande a bien été enregistrée sous le numéro {reqid}.",
    ],
    "en": [
        "Hi, could you give us more details (screenshot, time it happened)?",
        "Hi, thanks for reaching out. We'll get back to you shortly.",
        "Hi, were you able to try the suggested fix?",
        "Hi, your request has been logged under reference {reqid}.",
    ],
}

SLOTS = {
    "fr": {
        "day": ["hier", "lundi", "ce week-end", "jeudi dernier", "la dernière mise à jour", "ce matin", "mardi"],
        "time": ["8 h 30", "9 h 15", "7 h", "10 h 40", "14 h 05", "6 h ce matin", "minuit"],
        "date": ["12 mars", "3 juin", "28 février", "15 janvier", "30 septembre", "7 novembre", "1er avril"],
        "month": ["janvier", "février", "mars", "avril", "mai", "juin", "septembre", "octobre", "novembre"],
        "city": ["Lyon", "Nantes", "Lille", "Bordeaux", "Toulouse", "Strasbourg", "Rennes", "Bruxelles", "Genève"],
        "sector": ["du BTP", "de la santé", "de la logistique", "du e-commerce", "de l'immobilier", "de l'hôtellerie", "de l'industrie"],
        "address": ["12 rue des Tanneurs, 69002 Lyon", "4 bis avenue Jean Jaurès, 44000 Nantes", "27 boulevard Vauban, 59000 Lille", "3 place du Marché, 33000 Bordeaux"],
        "agent": ["Julie", "Thomas", "Sarah", "Karim", "Émilie"],
        "first": ["Sophie", "Marc", "Nathalie", "Julien", "Claire", "Olivier", "Camille", "Mehdi", "Isabelle", "Antoine", "Léa", "Pierre", "Fatima", "Nicolas", "Aurélie", "Hugo"],
        "last": ["Martin", "Bernard", "Dubois", "Moreau", "Laurent", "Lefebvre", "Garnier", "Roux", "Benali", "Fontaine", "Mercier", "Chevalier"],
        "company": ["Transports Girard", "Cabinet Morel & Associés", "Boulangeries Léon", "Axiome Conseil", "Clinique du Parc", "Immobilière Vauban", "Atelier Lumen", "Mairie de Saint-Aubin", "Groupe Hexa", "Bâtir Ouest"],
        "domain": ["girard-transports.fr", "morel-associes.fr", "axiome-conseil.com", "cliniqueduparc.fr", "hexa-groupe.com", "batir-ouest.fr"],
        "sub": ["portail", "app", "support", "clients", "extranet"],
        "module": ["reporting", "planification", "signature électronique", "chat en direct", "base de connaissances"],
        "err": ["HTTP 500 Internal Server Error", "ERR_CONNECTION_TIMED_OUT", "502 Bad Gateway", "403 Forbidden", "« Une erreur inattendue est survenue »"],
        "amount": ["1 240,00 €", "89 €", "349,90 € HT", "2 580 € TTC", "59,00 €", "12 600 €", "479 €"],
    },
    "en": {
        "day": ["yesterday", "Monday", "the weekend", "last Thursday", "your last update", "this morning", "Tuesday"],
        "time": ["8:30 am", "9:15", "7 am", "10:40 CET", "2:05 pm", "6 this morning", "midnight"],
        "date": ["March 12", "June 3rd", "February 28", "January 15", "30 September", "7 November", "April 1st"],
        "month": ["January", "February", "March", "April", "May", "June", "September", "October", "November"],
        "city": ["London", "Manchester", "Dublin", "Boston", "Toronto", "Amsterdam", "Edinburgh", "Austin"],
        "sector": ["construction", "healthcare", "logistics", "e-commerce", "real estate", "hospitality", "manufacturing"],
        "address": ["14 Baker Street, London W1U 3BW", "220 King Street West, Toronto", "5 Harbour Road, Dublin 4", "88 Summer Street, Boston MA"],
        "agent": ["Emma", "James", "Priya", "Tom", "Olivia"],
        "first": ["Sarah", "David", "Emily", "Michael", "Hannah", "Chris", "Laura", "Raj", "Jessica", "Daniel", "Aisha", "Mark", "Rachel", "Ben", "Sophie", "Kevin"],
        "last": ["Smith", "Johnson", "Brown", "Taylor", "Wilson", "Evans", "Patel", "O'Brien", "Clarke", "Walker", "Nguyen", "Murphy"],
        "company": ["Northwind Logistics", "Brightside Dental", "Acme Retail", "Harbour & Co", "Greenfield Council", "Keystone Legal", "Bluepeak Software", "Riverside Clinic", "Summit Builders", "Oakline Hotels"],
        "domain": ["northwind.co.uk", "brightsidedental.com", "acmeretail.com", "harbourco.ie", "keystonelegal.com", "bluepeak.io"],
        "sub": ["portal", "app", "help", "customers", "extranet"],
        "module": ["reporting", "scheduling", "e-signature", "live chat", "knowledge base"],
        "err": ["HTTP 500 Internal Server Error", "ERR_CONNECTION_TIMED_OUT", "502 Bad Gateway", "403 Forbidden", "'An unexpected error occurred'"],
        "amount": ["$1,240.00", "€89", "£349.90", "$2,580", "€59.00", "$12,600", "£479"],
    },
}
COMMON_SLOTS = {
    "plan": ["Starter", "Pro", "Business", "Team"],
    "api_ep": ["/v2/tickets", "/v1/contacts", "/v2/orders", "/v1/users", "/v2/invoices"],
    "version": ["4.2.1", "5.0.3", "3.9.0", "5.1.0", "4.8.2"],
}


def fill(template, values):
    out = template
    for key, value in values.items():
        out = out.replace("{" + key + "}", value)
    if "{" in out:
        raise ValueError(f"unfilled slot in: {out}")
    return out


def slot_values(rng, lang):
    v = {k: rng.choice(options) for k, options in SLOTS[lang].items()}
    v.update({k: rng.choice(options) for k, options in COMMON_SLOTS.items()})
    v["n"] = str(rng.choice([6, 12, 18, 25, 40, 60, 85, 120, 150, 200, 350]))
    v["n2"] = str(rng.choice([3, 4, 5, 8, 10, 15]))
    v["reqid"] = "".join(rng.choice("0123456789abcdef") for _ in range(8)) + "-" + "".join(rng.choice("0123456789abcdef") for _ in range(4))
    v["cid"] = ("CL-" if lang == "fr" else "CUST-") + str(rng.randint(10000, 99999))
    v["inv"] = ("FAC-2025-" if lang == "fr" else "INV-2025-") + f"{rng.randint(1, 9999):04d}"
    v["po"] = ("BC-" if lang == "fr" else "PO-") + str(rng.randint(100000, 999999))
    v["vat"] = ("FR" + str(rng.randint(10, 99)) + " " + str(rng.randint(100000000, 999999999))) if lang == "fr" else ("GB" + str(rng.randint(100000000, 999999999)))
    v["siret"] = " ".join(str(rng.randint(100, 999)) for _ in range(3)) + " " + f"{rng.randint(0, 99999):05d}"
    v["phone"] = ("06 " + " ".join(f"{rng.randint(0, 99):02d}" for _ in range(4))) if lang == "fr" else ("+44 7" + str(rng.randint(100, 999)) + " " + str(rng.randint(100000, 999999)))
    first, last = v["first"], v["last"]
    v["person"] = rng.choice(SLOTS[lang]["first"]) + " " + rng.choice(SLOTS[lang]["last"])
    v["email"] = f"{first.lower()}.{last.lower()}@gmail.com".replace("'", "")
    v["email"] = unicodedata.normalize("NFKD", v["email"]).encode("ascii", "ignore").decode()
    return v


def strip_accents(text):
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def typo(word, rng):
    if len(word) < 4 or not word.isalpha():
        return word
    i = rng.randrange(1, len(word) - 1)
    kind = rng.randrange(3)
    if kind == 0:
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if kind == 1:
        return word[:i] + word[i + 1:]
    return word[:i] + word[i] + word[i:]


def add_typos(text, rng, count):
    words = text.split(" ")
    for _ in range(count):
        j = rng.randrange(len(words))
        words[j] = typo(words[j], rng)
    return " ".join(words)


def compose(rng, category, priority, lang, evaluation):
    key = (category, lang)
    general = (GENERAL_EVAL if evaluation else GENERAL)[key]
    if priority == "Critique":
        core = rng.choice((CRITIQUE_EVAL if evaluation else CRITIQUE)[key])
    elif priority == "Basse" and rng.random() < 0.45:
        core = rng.choice((BASSE_EVAL if evaluation else BASSE)[key])
    else:
        core = rng.choice(general)

    values = slot_values(rng, lang)
    subject, body = (part.strip() for part in core.split("||"))
    subject, body = fill(subject, values), fill(body, values)
    casual = body[:1].islower()  # hand-written quick notes: no greeting ceremony

    details = DETAILS[key]
    cut = len(details) * 3 // 4
    details = details[cut:] if evaluation else details[:cut]

    if evaluation:
        phrases = PHRASES_EVAL[(priority, lang)]
        if priority == "Haute" and rng.random() < 0.4:
            phrases = HAUTE_EVAL_BY_CATEGORY[(category, lang)]
    else:
        phrases = PHRASES[(priority, lang)] + PHRASES_BY_CATEGORY.get((priority, category, lang), []) * 2

    sentences = [body]
    if not casual and rng.random() < 0.45:
        sentences.append(fill(rng.choice(details), values))
    # Haute, and Basse on an ordinary scenario, always say so; Critique and the Basse scenarios speak for themselves.
    use_phrase = {"Critique": 0.6, "Haute": 1.0, "Moyenne": 0.7, "Basse": 1.0 if core in general else 0.6}[priority]
    if rng.random() < use_phrase:
        phrase = fill(rng.choice(phrases), values)
        if rng.random() < 0.25 and priority in ("Critique", "Haute"):
            sentences.insert(0, phrase)
        else:
            sentences.append(phrase)
    if priority in ("Critique", "Haute") and rng.random() < 0.2:
        subject = rng.choice(["URGENT - ", "Urgent : " if lang == "fr" else "Urgent: ", "[URGENT] "]) + subject
    if priority == "Critique" and rng.random() < 0.25:
        sentences.append(fill(rng.choice(PHRASES_EVAL[("Critique", lang)] if evaluation else PHRASES[("Critique", lang)]), values))

    text_body = " ".join(sentences)
    if casual:
        lines = [text_body]
        if rng.random() < 0.5:
            lines.append(values["first"])
    else:
        greeting = fill(rng.choice(GREETINGS[lang]), values)
        closing = rng.choice(CLOSINGS[lang])
        lines = ([greeting] if greeting else []) + [text_body]
        if closing:
            lines.append(closing)
        signature = values["first"] + " " + values["last"]
        r = rng.random()
        if r < 0.3:
            signature += "\n" + rng.choice(ROLES[lang]) + " - " + values["company"]
        elif r < 0.55:
            signature += "\n" + values["company"] + "\n" + values["phone"]
        elif r < 0.65:
            signature = values["first"]
        lines.append(signature)
    text = "\n".join(lines)

    r = rng.random()
    if r < 0.12:
        subject = ("RE: " if lang == "fr" else "Re: ") + subject
        hour = f"{rng.randint(8, 18)}:{rng.choice(['05', '12', '27', '40', '58'])}"
        header = (f"Le {values['date']} à {hour}, Support a écrit :" if lang == "fr"
                  else f"On {values['date']} at {hour}, Support wrote:")
        quote = fill(rng.choice(QUOTES[lang]), values)
        text += "\n\n> " + header + "\n> " + quote
    elif r < 0.17:
        subject = ("TR: " if lang == "fr" else "Fwd: ") + subject
        intro = ("Je transfère la demande de notre équipe." if lang == "fr" else "Forwarding this from our team.")
        marker = ("-------- Message transféré --------" if lang == "fr" else "---------- Forwarded message ---------")
        text = intro + "\n\n" + marker + "\n" + text

    r = rng.random()
    if r < 0.15:
        text = add_typos(text, rng, rng.randint(1, 3))
    elif r < 0.20 and lang == "fr":
        text = strip_accents(text).lower()
        subject = strip_accents(subject).lower()
    return subject + "\n" + text


HAUTE_EVAL_BY_CATEGORY = {
    ("Technique", "fr"): ["Nos caisses sont bloquées en magasin depuis l'ouverture, merci de faire vite."],
    ("Technique", "en"): ["Our shop tills have been stuck since opening, please hurry."],
    ("Commercial", "fr"): ["La signature est prévue demain à 9 h, il nous faut le document ce soir."],
    ("Commercial", "en"): ["Signing is planned for 9am tomorrow, we need the paperwork tonight."],
    ("Support", "fr"): ["Nos dix intérimaires arrivent demain et ne peuvent pas travailler sans ça."],
    ("Support", "en"): ["Ten temps start tomorrow and can't work without this."],
    ("Facturation", "fr"): ["Le commissaire aux comptes passe demain matin, il nous faut la facture corrigée aujourd'hui."],
    ("Facturation", "en"): ["The auditors are in tomorrow morning, we need the corrected invoice today."],
}


def plan(total, rng):
    """(category, priority, lang) for each line: categories balanced, priorities by PRIORITY_SHARE, 55 % French."""
    cells = []
    per_category = total // len(CATEGORIES)
    for category in CATEGORIES:
        shares = PRIORITY_SHARE[category]
        counts = {p: round(per_category * shares[p]) for p in PRIORITIES}
        counts["Moyenne"] += per_category - sum(counts.values())
        for priority, count in counts.items():
            french = round(count * FRENCH_SHARE)
            cells += [(category, priority, "fr")] * french + [(category, priority, "en")] * (count - french)
    rng.shuffle(cells)
    return cells


def generate(total, seed, evaluation, avoid=frozenset()):
    rng = random.Random(seed)
    rows, seen = [], set(avoid)
    for category, priority, lang in plan(total, rng):
        for _ in range(50):
            text = compose(rng, category, priority, lang, evaluation)
            if text not in seen:
                break
        else:
            raise RuntimeError(f"could not draw a new text for {category}/{priority}/{lang}")
        seen.add(text)
        rows.append({"text": text, "category": category, "priority": priority, "lang": lang})
    return rows


def main():
    root = Path(__file__).resolve().parents[2]
    out = root / "data" / "classification"
    train = generate(800, seed=4, evaluation=False)
    evaluation = generate(200, seed=40, evaluation=True, avoid=frozenset(r["text"] for r in train))
    for name, rows in (("emails-train.jsonl", train), ("emails-eval.jsonl", evaluation)):
        with open(out / name, "w", encoding="utf-8", newline="\n") as f:
            for row in rows:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"{name}: {len(rows)} lines", file=sys.stderr)


if __name__ == "__main__":
    main()
