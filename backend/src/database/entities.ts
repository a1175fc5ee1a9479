import { Channel } from '../channels/channel.entity.js';
import { Contact } from '../contacts/contact.entity.js';
import { NumberSeries } from '../contacts/number-series.entity.js';
import { Deal } from '../deals/deal.entity.js';
import { FunnelEvent } from '../events/funnel-event.entity.js';
import { Funnel } from '../funnels/funnel.entity.js';
import { ImportJob } from '../imports/import-job.entity.js';
import { IntakeRequest } from '../intake/intake-request.entity.js';
import { Stage } from '../funnels/stage.entity.js';
import { Source } from '../sources/source.entity.js';
import { Branch } from '../users/branch.entity.js';
import { User } from '../users/user.entity.js';
import { DealContact } from '../deals/deal-contact.entity.js';
import { DealDocument } from '../documents/deal-document.entity.js';
import { Deadline } from '../follow-up/deadline.entity.js';
import { LostReason } from '../lost-reasons/lost-reason.entity.js';
import { Message } from '../messages/message.entity.js';
import { Offer } from '../offers/offer.entity.js';
import { Vehicle } from '../stock/vehicle.entity.js';
import { Task } from '../tasks/task.entity.js';
import { TestDrive } from '../test-drives/test-drive.entity.js';
import { TradeIn } from '../trade-ins/trade-in.entity.js';
import { DealTypeEntity } from '../deal-types/deal-type.entity.js';
import { Notification } from '../notifications/notification.entity.js';
import { DealStageVisit } from '../insights/deal-stage-visit.entity.js';

export const ENTITIES = [Branch, User, Source, Funnel, Stage, Contact, Deal, FunnelEvent, Channel, IntakeRequest, NumberSeries, ImportJob,
  Vehicle, TradeIn, Offer, TestDrive, DealDocument, Task, Message, Deadline, LostReason, DealContact,
  DealTypeEntity, Notification, DealStageVisit];
