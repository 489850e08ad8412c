/**
 * What each canonical column is called in the wild, in English, French, Spanish and Romanian.
 * Written folded (see fold.ts: no accents, lower case, single spaces), best name first.
 * `unit_price` is not a canonical column: an export with a quantity and a unit price but no
 * line total gets revenue = quantity x unit price.
 */
import type { CanonicalTableName } from '../canonical';

export type Synonyms = Record<string, string[]>;

const country = ['country', 'billing country', 'shipping country', 'country code', 'pays', 'pais', 'tara'];
const city = ['city', 'billing city', 'shipping city', 'ville', 'ciudad', 'oras', 'localitate'];
const channel = ['channel', 'sales channel', 'source', 'utm source', 'canal', 'canal de vente', 'canal de venta', 'via'];
const customerId = [
  'customer id', 'customerid', 'customer number', 'customer', 'client id', 'id client', 'numero client', 'no client',
  'client', 'id cliente', 'cliente', 'numero de cliente', 'cod client', 'user id', 'customer email', 'email',
];
const isTrial = ['is trial', 'trial', 'free trial', 'essai', 'essai gratuit', 'prueba', 'proba', 'perioada de proba'];

export const synonyms: Record<CanonicalTableName, Synonyms> = {
  orders: {
    order_id: [
      'order id', 'order number', 'order no', 'order', 'invoice', 'invoice no', 'invoiceno', 'invoice number', 'transaction id',
      'no de commande', 'no commande', 'numero de commande', 'numero commande', 'id commande', 'commande', 'facture',
      'numero de pedido', 'no de pedido', 'id pedido', 'pedido', 'numero de factura', 'factura',
      'numar comanda', 'nr comanda', 'id comanda', 'comanda', 'numar factura',
    ],
    customer_id: customerId,
    order_date: [
      'order date', 'date', 'created at', 'created', 'invoice date', 'invoicedate', 'purchase date', 'ordered at',
      'date de commande', 'date commande', 'date de facture', 'fecha de pedido', 'fecha pedido', 'fecha',
      'data comenzii', 'data comanda', 'data',
    ],
    revenue: [
      'revenue', 'total', 'amount', 'order total', 'line total', 'sales', 'net sales', 'gross sales', 'price total',
      'net amount', 'gross amount', 'total amount', 'line amount',
      'montant ttc', 'montant', 'total ttc', 'montant ht', 'montant net', 'chiffre d affaires',
      'importe', 'importe total', 'importe neto', 'total pedido',
      'valoare', 'valoare totala', 'total comanda', 'suma', 'suma totala',
    ],
    unit_price: ['unit price', 'unitprice', 'price', 'prix unitaire', 'prix', 'precio unitario', 'precio', 'pret unitar', 'pret'],
    // A category is the nearest thing to a product when the export has no product column.
    product: [
      'product', 'product name', 'item', 'description', 'sku', 'produit', 'article', 'designation', 'producto', 'articulo', 'produs', 'denumire',
      'category', 'product category', 'categorie', 'categoria',
    ],
    quantity: ['quantity', 'qty', 'units', 'quantite', 'qte', 'cantidad', 'cantitate'],
    cost: ['cost', 'cogs', 'cost of goods', 'cout', 'coste', 'costo'],
    refund: ['refund', 'refunded amount', 'refund amount', 'amount refunded', 'montant rembourse', 'rembourse', 'reembolso', 'importe reembolsado', 'rambursare', 'suma rambursata'],
    status: ['status', 'order status', 'financial status', 'statut', 'etat', 'estado', 'stare', 'status comanda'],
    country,
    city,
    channel,
    currency: ['currency', 'devise', 'monnaie', 'moneda', 'valuta'],
    is_trial: isTrial,
  },
  customers: {
    customer_id: ['customer id', 'customerid', 'id', 'client id', 'id client', 'numero client', 'id cliente', 'cliente', 'cod client', 'client', 'customer'],
    first_seen: ['first seen', 'created at', 'created', 'signup date', 'signed up', 'first order date', 'date inscription', 'date de creation', 'fecha de alta', 'fecha de registro', 'data inregistrarii', 'data crearii'],
    email: ['email', 'e mail', 'email address', 'courriel', 'adresse email', 'correo', 'correo electronico', 'adresa email'],
    name: ['name', 'full name', 'customer name', 'nom', 'nom complet', 'nombre', 'nume', 'nume complet'],
    country,
    city,
    channel,
    is_trial: isTrial,
  },
  tickets: {
    ticket_id: ['ticket id', 'ticket', 'ticket number', 'id ticket', 'numero de ticket', 'no ticket', 'id tichet', 'numar tichet', 'case id', 'conversation id'],
    customer_id: ['requester', 'requester id', 'requester email', 'customer id', 'customer', 'customer email', 'demandeur', 'client', 'solicitante', 'cliente', 'solicitant'],
    opened_at: ['created', 'created at', 'opened', 'opened at', 'date ouverture', 'date de creation', 'cree le', 'fecha de creacion', 'creado', 'data deschiderii', 'deschis'],
    resolved_at: ['solved', 'solved at', 'resolved', 'resolved at', 'closed at', 'closed', 'resolu', 'resolu le', 'date de resolution', 'resuelto', 'fecha de resolucion', 'rezolvat', 'data rezolvarii'],
    contacts: ['replies', 'contacts', 'touches', 'interactions', 'number of replies', 'reponses', 'respuestas', 'raspunsuri'],
    first_contact_resolved: ['first contact resolved', 'first contact resolution', 'fcr', 'one touch', 'resolu au premier contact', 'resuelto en primer contacto', 'rezolvat la primul contact'],
    channel,
  },
  surveys: {
    customer_id: customerId,
    answered_at: ['answered at', 'submitted at', 'response date', 'date', 'date de reponse', 'fecha de respuesta', 'fecha', 'data raspunsului', 'data'],
    kind: ['kind', 'survey type', 'survey', 'type', 'type d enquete', 'tipo de encuesta', 'tipo', 'tip'],
    score: ['score', 'rating', 'note', 'puntuacion', 'nota', 'scor'],
    comment: ['comment', 'comments', 'feedback', 'commentaire', 'comentario', 'comentariu'],
  },
  marketing_spend: {
    day: ['day', 'date', 'jour', 'dia', 'fecha', 'zi', 'data'],
    channel: ['channel', 'campaign', 'source', 'canal', 'campagne', 'campana', 'campanie'],
    spend: ['spend', 'amount spent', 'cost', 'ad spend', 'depense', 'depenses', 'cout', 'gasto', 'inversion', 'cheltuieli'],
  },
  leads: {
    lead_id: ['lead id', 'lead', 'id prospect', 'prospect', 'id lead', 'id cliente potencial'],
    created_at: ['created at', 'created', 'date', 'date de creation', 'fecha de creacion', 'fecha', 'data crearii', 'data'],
    channel,
    converted_at: ['converted at', 'conversion date', 'date de conversion', 'fecha de conversion', 'data conversiei'],
    customer_id: ['customer id', 'client id', 'id client', 'id cliente'],
  },
  social_mentions: {
    posted_at: ['posted at', 'date', 'created at', 'published', 'date de publication', 'fecha de publicacion', 'fecha', 'data publicarii', 'data'],
    text: ['text', 'message', 'content', 'mention', 'texte', 'contenu', 'texto', 'mensaje', 'continut', 'mesaj'],
    platform: ['platform', 'network', 'source', 'plateforme', 'reseau', 'plataforma', 'red social', 'platforma', 'retea'],
    author: ['author', 'user', 'username', 'auteur', 'autor', 'utilizator'],
    lang: ['lang', 'language', 'langue', 'idioma', 'limba'],
    sentiment: ['sentiment', 'sentimiento'],
  },
  visits: {
    visitor_id: [
      'visitor id', 'visitorid', 'visitor', 'user pseudo id', 'visitor key', 'id visiteur', 'visiteur', 'id visitante', 'visitante',
      'id vizitator', 'vizitator',
    ],
    visited_at: [
      'visited at', 'visit date', 'visit time', 'visit start', 'session start', 'server date', 'event date', 'date', 'date de visite',
      'date de la visite', 'fecha de visita', 'fecha', 'data vizitei', 'data',
    ],
    customer_id: ['user id', 'userid', 'customer id', 'client id', 'id client', 'id cliente', 'cod client'],
    channel: ['channel', 'referrer type', 'referrertype', 'session default channel group', 'default channel group', 'medium', 'source', 'canal', 'canal d acquisition'],
  },
};
