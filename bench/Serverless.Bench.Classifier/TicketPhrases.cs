namespace Serverless.Bench.Classifier;

/// <summary>Phrases of the synthetic helpdesk tickets: for each label and language, the sentences that give it away.
/// Several labels share words on purpose (refund / billing, login / security, bug / performance), so the task is not trivial.</summary>
internal static class TicketPhrases
{
    public static readonly string[] Languages = ["en", "fr", "de", "es"];

    public static readonly string[] Labels =
    [
        "account", "billing", "bug", "feature", "integration", "login", "performance", "refund", "security", "shipping",
    ];

    // [label][language] -> sentences
    public static readonly string[][][] Signals =
    [
        [ // account
            ["I need to change the email address on my account", "please update the company name on our profile", "how do I delete my account and all my data", "can you merge my two accounts", "I want to add a colleague to our team account"],
            ["je dois changer l'adresse e-mail de mon compte", "merci de mettre à jour le nom de la société sur notre profil", "comment supprimer mon compte et mes données", "pouvez-vous fusionner mes deux comptes", "je veux ajouter un collègue à notre compte d'équipe"],
            ["ich muss die E-Mail-Adresse meines Kontos ändern", "bitte aktualisieren Sie den Firmennamen in unserem Profil", "wie lösche ich mein Konto und meine Daten", "können Sie meine zwei Konten zusammenführen", "ich möchte einen Kollegen zu unserem Teamkonto hinzufügen"],
            ["necesito cambiar el correo de mi cuenta", "actualicen el nombre de la empresa en nuestro perfil", "cómo elimino mi cuenta y mis datos", "pueden fusionar mis dos cuentas", "quiero añadir un compañero a la cuenta del equipo"],
        ],
        [ // billing
            ["the invoice for this month shows the wrong amount", "I was charged twice on my credit card", "please send me the invoice with our VAT number", "why did the price of my plan go up", "the payment failed but the card is valid"],
            ["la facture de ce mois affiche un mauvais montant", "j'ai été débité deux fois sur ma carte", "merci de m'envoyer la facture avec notre numéro de TVA", "pourquoi le prix de mon abonnement a augmenté", "le paiement a échoué alors que la carte est valide"],
            ["die Rechnung für diesen Monat zeigt den falschen Betrag", "meine Kreditkarte wurde zweimal belastet", "bitte senden Sie mir die Rechnung mit unserer USt-IdNr", "warum ist der Preis meines Tarifs gestiegen", "die Zahlung ist fehlgeschlagen obwohl die Karte gültig ist"],
            ["la factura de este mes muestra un importe incorrecto", "me cobraron dos veces en la tarjeta", "envíenme la factura con nuestro número de IVA", "por qué subió el precio de mi plan", "el pago falló pero la tarjeta es válida"],
        ],
        [ // bug
            ["the export button does nothing when I click it", "the app crashes when I open the settings page", "I get an error 500 when saving the form", "the dates are shown in the wrong format after the update", "the attachment upload fails with an unknown error"],
            ["le bouton d'export ne fait rien quand je clique", "l'application plante quand j'ouvre la page des paramètres", "j'ai une erreur 500 en enregistrant le formulaire", "les dates sont affichées dans le mauvais format depuis la mise à jour", "l'envoi de pièce jointe échoue avec une erreur inconnue"],
            ["der Export-Knopf macht nichts wenn ich klicke", "die App stürzt ab wenn ich die Einstellungen öffne", "ich bekomme einen Fehler 500 beim Speichern des Formulars", "die Daten werden nach dem Update im falschen Format angezeigt", "das Hochladen des Anhangs schlägt mit unbekanntem Fehler fehl"],
            ["el botón de exportar no hace nada al hacer clic", "la aplicación se cierra al abrir la configuración", "recibo un error 500 al guardar el formulario", "las fechas salen con el formato incorrecto tras la actualización", "la subida del adjunto falla con un error desconocido"],
        ],
        [ // feature
            ["it would be great to have a dark mode", "could you add an option to export to Excel", "we would like to schedule reports every week", "please consider adding keyboard shortcuts", "is it planned to support several languages in the editor"],
            ["ce serait bien d'avoir un mode sombre", "pourriez-vous ajouter une option d'export vers Excel", "nous aimerions planifier des rapports chaque semaine", "merci d'envisager des raccourcis clavier", "est-il prévu de gérer plusieurs langues dans l'éditeur"],
            ["ein Dunkelmodus wäre toll", "könnten Sie eine Exportoption nach Excel hinzufügen", "wir möchten jede Woche Berichte planen", "bitte erwägen Sie Tastenkürzel", "ist geplant mehrere Sprachen im Editor zu unterstützen"],
            ["sería genial tener un modo oscuro", "podrían añadir una opción para exportar a Excel", "queremos programar informes cada semana", "consideren añadir atajos de teclado", "está previsto admitir varios idiomas en el editor"],
        ],
        [ // integration
            ["the webhook to our CRM stopped sending events", "how do I connect the API with our Salesforce instance", "the Slack integration posts duplicate messages", "our API key returns 401 from the integration endpoint", "the sync with Google Calendar is missing events"],
            ["le webhook vers notre CRM n'envoie plus d'événements", "comment connecter l'API à notre instance Salesforce", "l'intégration Slack publie des messages en double", "notre clé API renvoie 401 sur le point d'intégration", "la synchronisation avec Google Agenda perd des événements"],
            ["der Webhook zu unserem CRM sendet keine Ereignisse mehr", "wie verbinde ich die API mit unserer Salesforce-Instanz", "die Slack-Integration postet doppelte Nachrichten", "unser API-Schlüssel liefert 401 vom Integrationsendpunkt", "die Synchronisierung mit Google Kalender verliert Termine"],
            ["el webhook a nuestro CRM dejó de enviar eventos", "cómo conecto la API con nuestra instancia de Salesforce", "la integración con Slack publica mensajes duplicados", "nuestra clave API devuelve 401 en el endpoint de integración", "la sincronización con Google Calendar pierde eventos"],
        ],
        [ // login
            ["I cannot log in since this morning", "the password reset email never arrives", "my two-factor code is always rejected", "the login page says my password is wrong", "I am locked out after too many attempts"],
            ["je n'arrive plus à me connecter depuis ce matin", "le mail de réinitialisation du mot de passe n'arrive jamais", "mon code de double authentification est toujours refusé", "la page de connexion dit que mon mot de passe est faux", "mon compte est bloqué après trop de tentatives"],
            ["ich kann mich seit heute morgen nicht anmelden", "die E-Mail zum Zurücksetzen des Passworts kommt nie an", "mein Zwei-Faktor-Code wird immer abgelehnt", "die Anmeldeseite sagt mein Passwort sei falsch", "ich bin nach zu vielen Versuchen gesperrt"],
            ["no puedo iniciar sesión desde esta mañana", "el correo para restablecer la contraseña nunca llega", "mi código de doble factor siempre es rechazado", "la página de acceso dice que mi contraseña es incorrecta", "estoy bloqueado tras demasiados intentos"],
        ],
        [ // performance
            ["the dashboard takes more than a minute to load", "everything is very slow since yesterday", "the search is slow with large projects", "pages time out during the afternoon", "the report generation is much slower than before"],
            ["le tableau de bord met plus d'une minute à charger", "tout est très lent depuis hier", "la recherche est lente avec les gros projets", "les pages expirent l'après-midi", "la génération des rapports est bien plus lente qu'avant"],
            ["das Dashboard braucht mehr als eine Minute zum Laden", "seit gestern ist alles sehr langsam", "die Suche ist bei großen Projekten langsam", "die Seiten laufen nachmittags in einen Timeout", "die Berichterstellung ist viel langsamer als früher"],
            ["el panel tarda más de un minuto en cargar", "todo va muy lento desde ayer", "la búsqueda es lenta con proyectos grandes", "las páginas caducan por la tarde", "la generación de informes es mucho más lenta que antes"],
        ],
        [ // refund
            ["I would like a refund for the unused months", "please cancel my subscription and refund the last payment", "I was charged after cancelling and want my money back", "can I get a refund for the annual plan", "the refund you promised has not arrived on my card"],
            ["je voudrais un remboursement des mois non utilisés", "merci de résilier mon abonnement et de rembourser le dernier paiement", "j'ai été débité après la résiliation et je veux être remboursé", "puis-je être remboursé de l'abonnement annuel", "le remboursement promis n'est pas arrivé sur ma carte"],
            ["ich möchte eine Erstattung für die ungenutzten Monate", "bitte kündigen Sie mein Abo und erstatten Sie die letzte Zahlung", "ich wurde nach der Kündigung belastet und möchte mein Geld zurück", "kann ich den Jahrestarif erstattet bekommen", "die versprochene Erstattung ist nicht auf meiner Karte angekommen"],
            ["quisiera un reembolso de los meses no usados", "cancelen mi suscripción y reembolsen el último pago", "me cobraron después de cancelar y quiero mi dinero", "pueden reembolsarme el plan anual", "el reembolso prometido no ha llegado a mi tarjeta"],
        ],
        [ // security
            ["I received a suspicious login alert from another country", "someone changed my password without my consent", "we think an API key has leaked, please revoke it", "I got a phishing email pretending to be from you", "can you send us your security audit and GDPR documents"],
            ["j'ai reçu une alerte de connexion suspecte depuis un autre pays", "quelqu'un a changé mon mot de passe sans mon accord", "nous pensons qu'une clé API a fuité, merci de la révoquer", "j'ai reçu un mail d'hameçonnage à votre nom", "pouvez-vous nous envoyer votre audit de sécurité et les documents RGPD"],
            ["ich habe eine verdächtige Anmeldewarnung aus einem anderen Land erhalten", "jemand hat mein Passwort ohne meine Zustimmung geändert", "wir glauben ein API-Schlüssel ist geleakt, bitte widerrufen", "ich habe eine Phishing-Mail in Ihrem Namen bekommen", "können Sie uns Ihr Sicherheitsaudit und die DSGVO-Dokumente senden"],
            ["recibí una alerta de inicio de sesión sospechoso desde otro país", "alguien cambió mi contraseña sin mi consentimiento", "creemos que se filtró una clave API, revóquenla", "recibí un correo de phishing en su nombre", "pueden enviarnos su auditoría de seguridad y los documentos RGPD"],
        ],
        [ // shipping
            ["my order has not arrived after two weeks", "the tracking number does not work", "the package arrived damaged", "can you ship to a different address", "the delivery was sent to the wrong city"],
            ["ma commande n'est pas arrivée après deux semaines", "le numéro de suivi ne fonctionne pas", "le colis est arrivé abîmé", "pouvez-vous livrer à une autre adresse", "la livraison a été envoyée dans la mauvaise ville"],
            ["meine Bestellung ist nach zwei Wochen nicht angekommen", "die Sendungsnummer funktioniert nicht", "das Paket kam beschädigt an", "können Sie an eine andere Adresse liefern", "die Lieferung ging in die falsche Stadt"],
            ["mi pedido no ha llegado tras dos semanas", "el número de seguimiento no funciona", "el paquete llegó dañado", "pueden enviar a otra dirección", "la entrega se envió a la ciudad equivocada"],
        ],
    ];

    // [language] -> greetings, filler sentences (no label signal), closings
    public static readonly string[][] Greetings =
    [
        ["Hello,", "Hi team,", "Dear support,", "Good morning,", ""],
        ["Bonjour,", "Bonjour l'équipe,", "Madame, Monsieur,", "Salut,", ""],
        ["Hallo,", "Guten Tag,", "Sehr geehrte Damen und Herren,", "Hallo Team,", ""],
        ["Hola,", "Buenos días,", "Estimado soporte,", "Hola equipo,", ""],
    ];

    public static readonly string[][] Fillers =
    [
        ["I have been a customer for three years.", "This is quite urgent for us.", "Our team uses the product every day.", "I already tried with another browser.", "Thanks in advance for your help.", "We are on the business plan.", "I attached a screenshot.", "Let me know if you need more details."],
        ["Je suis client depuis trois ans.", "C'est assez urgent pour nous.", "Notre équipe utilise le produit tous les jours.", "J'ai déjà essayé avec un autre navigateur.", "Merci d'avance pour votre aide.", "Nous avons l'offre entreprise.", "J'ai joint une capture d'écran.", "Dites-moi s'il vous faut plus de détails."],
        ["Ich bin seit drei Jahren Kunde.", "Es ist ziemlich dringend für uns.", "Unser Team nutzt das Produkt täglich.", "Ich habe es schon mit einem anderen Browser versucht.", "Vielen Dank im Voraus für Ihre Hilfe.", "Wir haben den Business-Tarif.", "Ich habe einen Screenshot angehängt.", "Sagen Sie Bescheid wenn Sie mehr Details brauchen."],
        ["Soy cliente desde hace tres años.", "Es bastante urgente para nosotros.", "Nuestro equipo usa el producto a diario.", "Ya probé con otro navegador.", "Gracias de antemano por su ayuda.", "Tenemos el plan empresa.", "Adjunto una captura de pantalla.", "Avísenme si necesitan más detalles."],
    ];

    public static readonly string[][] Closings =
    [
        ["Best regards", "Thanks", "Cheers", "Kind regards", ""],
        ["Cordialement", "Merci", "Bonne journée", "Bien à vous", ""],
        ["Mit freundlichen Grüßen", "Danke", "Viele Grüße", "Beste Grüße", ""],
        ["Saludos", "Gracias", "Un saludo", "Atentamente", ""],
    ];
}
