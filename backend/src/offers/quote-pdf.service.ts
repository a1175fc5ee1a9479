import { Injectable, NotFoundException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Viewer } from '@autofunnel/shared';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock.js';
import type { AppEnvironment } from '../config/env.js';
import { assertCanSee } from '../deals/deal-visibility.js';
import { Offer } from './offer.entity.js';
import { offerTotal } from './offer.mapper.js';

// DejaVu Sans covers Latin with accents, Cyrillic and Greek, so every customer's name prints.
const fontFile = createRequire(import.meta.url);
const FONTS = {
  regular: fontFile.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: fontFile.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
};

const money = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

export interface QuotePdf {
  /** e.g. "Quote D-1042.pdf" */
  fileName: string;
  content: Buffer;
}

/** The printable quote of an offer: served as a PDF and attached to emails (MessagesModule). */
@Injectable()
export class QuotePdfService {
  private readonly dealershipName: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    config: ConfigService<AppEnvironment, true>,
  ) {
    // The name customers already see as the sender of our emails ("Autofunnel <no-reply@…>").
    this.dealershipName = senderName(config.get('MAIL_FROM', { infer: true }));
  }

  /**
   * 404 for an offer that does not exist or whose deal is in the trash; 403 for a `viewer` who
   * may not see its deal (without one, the system renders it: an email going out).
   */
  async render(offerId: string, viewer?: Viewer): Promise<QuotePdf> {
    const offer = await this.dataSource.getRepository(Offer).findOne({
      where: { id: offerId },
      relations: { vehicle: true, createdBy: true, deal: { contact: true, responsible: true, branch: true } },
    });
    if (!offer || !offer.deal || offer.deal.trashedAt) throw new NotFoundException(`Offer ${offerId} does not exist`);
    if (viewer) assertCanSee(viewer, offer.deal);
    return { fileName: `Quote ${offer.deal.code}.pdf`, content: await this.draw(offer) };
  }

  private draw(offer: Offer): Promise<Buffer> {
    const deal = offer.deal!;
    const vehicle = offer.vehicle!;
    const contact = deal.contact!;
    const manager = deal.responsible ?? offer.createdBy ?? null;
    const quoteNumber = `${deal.code}-${offer.id.slice(0, 6).toUpperCase()}`;
    const vehicleName = `${vehicle.make} ${vehicle.model}`;

    const pdf = new PDFDocument({
      size: 'A4',
      margin: 56,
      info: { Title: `Quote ${quoteNumber}: ${vehicleName} for ${contact.name}`, Author: this.dealershipName, Subject: `Deal ${deal.code}` },
    });
    pdf.registerFont('regular', FONTS.regular);
    pdf.registerFont('bold', FONTS.bold);
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    const finished = new Promise<Buffer>((resolve, reject) => {
      pdf.on('end', () => resolve(Buffer.concat(chunks)));
      pdf.on('error', reject);
    });

    const left = pdf.page.margins.left;
    const width = pdf.page.width - left - pdf.page.margins.right;
    const labelWidth = 150;
    const heading = (text: string) => {
      pdf.moveDown(1.2).font('bold').fontSize(12).fillColor('#1f2937').text(text, left);
      const y = pdf.y + 2;
      pdf.moveTo(left, y).lineTo(left + width, y).lineWidth(0.5).strokeColor('#d1d5db').stroke();
      pdf.moveDown(0.5);
    };
    const row = (label: string, value: string, options: { strong?: boolean } = {}) => {
      const y = pdf.y;
      pdf.font('regular').fontSize(10).fillColor('#6b7280').text(label, left, y, { width: labelWidth });
      pdf.font(options.strong ? 'bold' : 'regular').fontSize(10).fillColor('#111827');
      pdf.text(value, left + labelWidth, y, { width: width - labelWidth });
      pdf.moveDown(0.3);
    };

    pdf.font('bold').fontSize(20).fillColor('#111827').text(this.dealershipName, left);
    if (deal.branch) pdf.font('regular').fontSize(10).fillColor('#6b7280').text(deal.branch.name);
    pdf.moveDown(1);
    pdf.font('bold').fontSize(16).fillColor('#111827').text(`Quote ${quoteNumber}`);
    pdf.font('regular').fontSize(10).fillColor('#374151').text(`Date: ${day.format(this.clock.now())}    Deal: ${deal.code}`);
    if (offer.status === 'withdrawn') {
      pdf.moveDown(0.5).font('bold').fontSize(11).fillColor('#b91c1c').text('This offer has been withdrawn and is no longer valid.');
    }

    heading('Customer');
    row('Name', contact.name);
    if (contact.phones.length > 0) row(contact.phones.length > 1 ? 'Phones' : 'Phone', contact.phones.join(', '));
    if (contact.emails.length > 0) row(contact.emails.length > 1 ? 'Emails' : 'Email', contact.emails.join(', '));

    heading('Vehicle');
    row('Make and model', vehicleName);
    row('Year', String(vehicle.year));
    row('VIN', vehicle.vin);
    row('Mileage', `${whole.format(vehicle.mileage)} km`);
    if (vehicle.colour) row('Colour', vehicle.colour);

    heading('Price');
    row('Price', money.format(offer.price));
    row('Discount', offer.discount > 0 ? `− ${money.format(offer.discount)}` : money.format(0));
    row('Total', money.format(offerTotal(offer)), { strong: true });
    row('Valid until', offer.validUntil ? day.format(offer.validUntil) : 'Until withdrawn');

    heading('Your contact');
    row('Manager', manager ? `${manager.name}, ${manager.email}` : this.dealershipName);

    if (offer.notes) {
      heading('Notes');
      pdf.font('regular').fontSize(10).fillColor('#111827').text(offer.notes, left, pdf.y, { width });
    }

    pdf.end();
    return finished;
  }
}

/** "Autofunnel Motors <sales@example.com>" → "Autofunnel Motors"; a bare address → its domain. */
function senderName(mailFrom: string): string {
  const display = /^\s*"?([^"<]+?)"?\s*</.exec(mailFrom)?.[1]?.trim();
  return display || mailFrom.replace(/^.*@/, '').replace(/>.*$/, '').trim() || 'Autofunnel';
}
