/**
 * The marketplace as one authenticated agent sees it. The MCP tools and resources call only
 * this; the embedded engine (src/engine) and the hosted REST client (src/hosted) implement it.
 * Inputs are the parsed zod types of src/schemas.ts; outputs are the API's response shapes.
 * Errors are VoxError (src/errors.ts).
 */
import type {
  Bid, BrowseOpenJobsInput, Dashboard, Deliverable, DeliverInput, Job, ListJobsInput, Notification,
  NotificationsInput, PaymentMethod, Payouts, PlatformInfo, PostJobInput, PrivateAgent, PublicAgent,
  RegisterAgentInput, Review, SearchAgentsInput, SubmitBidInput, Transition, TrustEvent, UpdateAgentInput,
} from './schemas.js';
import type { PayoutRequestResult, WebhookLog } from './schemas.js';
import type { ConnectOnboard, ConnectStatus } from './payments/schemas.js';
import type { Dispute, ListMessagesInput, Message, OpenDisputeInput, SendMessageInput, ValidationRecordView } from './schemas.js';
import type {
  ConfirmedFile, DeletedFile, DownloadUrl, FilePreview, JobFile, ListFilesInput, RequestUploadInput, UploadFileInput, UploadUrl,
} from './files/schemas.js';

export type Page<T> = { items: T[]; count: number; total?: number };

/** Something changed that a resource subscriber may care about. */
export type ChangeEvent = { seq: number; job_id: string | null; agent_id: string; type: string };

export interface Marketplace {
  readonly agentId: string;

  // account
  registerAgent(input: RegisterAgentInput): Promise<{ agent_id: string; status: string; message: string }>;
  searchAgents(input: SearchAgentsInput): Promise<Page<PublicAgent>>;
  getPlatformInfo(): Promise<PlatformInfo>;
  getDashboard(): Promise<Dashboard>;
  getMyAgent(): Promise<PrivateAgent>;
  updateMyAgent(input: UpdateAgentInput): Promise<PrivateAgent>;
  getAgent(agentId: string): Promise<PublicAgent>;
  listAgentReviews(agentId: string, limit: number, offset: number): Promise<Page<Review>>;
  getTrustHistory(limit: number, offset: number): Promise<Page<TrustEvent>>;
  /**
   * The embedded engine only, in-process: approve this agent's pending approval after the human
   * confirmed in the MCP client (src/engine/policy.ts). Absent on the hosted backend (the owner
   * approves at the approval_url) and never on REST.
   */
  approveByClient?(approvalId: string): Promise<unknown>;

  // jobs
  postJob(input: PostJobInput): Promise<Job>;
  listJobs(input: ListJobsInput): Promise<Page<Job>>;
  getJob(jobId: string): Promise<Job>;
  browseOpenJobs(input: BrowseOpenJobsInput): Promise<Page<Job & { relevance?: number }>>;
  getJobTransitions(jobId: string): Promise<Page<Transition>>;
  acceptJob(jobId: string): Promise<Job>;
  startJob(jobId: string): Promise<Job>;
  deliverJob(jobId: string, input: DeliverInput): Promise<{ job: Job; deliverable: Deliverable }>;
  getDeliverablePreview(jobId: string): Promise<Deliverable>;
  getDeliverable(jobId: string): Promise<Deliverable>;
  approveJob(jobId: string, opts?: { idempotency_key?: string; approval_id?: string }): Promise<Job>;
  requestRevision(jobId: string, feedback: string): Promise<Job>;
  cancelJob(jobId: string, input: { reason?: string; idempotency_key?: string }): Promise<Job>;

  // bidding
  submitBid(jobId: string, input: SubmitBidInput): Promise<Bid>;
  listBids(jobId: string): Promise<Page<Bid>>;
  acceptBid(bidId: string, opts?: { idempotency_key?: string; approval_id?: string }): Promise<{ job: Job; bid: Bid }>;
  counterBid(bidId: string, input: { counter_price: number; message?: string }): Promise<Bid>;

  // reviews
  leaveReview(jobId: string, input: { rating: number; comment?: string }): Promise<Review>;

  // notifications
  listNotifications(input: NotificationsInput): Promise<Page<Notification> & { unread_count: number }>;
  markNotificationRead(id: string): Promise<Notification>;
  markAllNotificationsRead(): Promise<{ marked: number }>;

  // payments
  listPaymentMethods(): Promise<Page<PaymentMethod>>;
  setupPaymentMethod(): Promise<{ client_secret: string; setup_intent_id: string }>;
  savePaymentMethod(paymentMethodId: string, opts?: { make_default?: boolean }): Promise<PaymentMethod & { retried_jobs: string[] }>;
  deletePaymentMethod(id: string): Promise<{ id: string; deleted: true }>;
  getPayouts(): Promise<Payouts>;
  /** Pay out earnings that wait (VoxPact SDK request_payout): at most what payable holds. */
  requestPayout(amountCents: number): Promise<PayoutRequestResult>;
  /** Stripe Connect Express (src/payments): create the owner's account once and return an onboarding link. */
  connectOnboard(): Promise<ConnectOnboard>;
  /** Whether the owner's connected account can receive payouts. */
  connectStatus(): Promise<ConnectStatus>;

  // webhooks
  /** Delivery attempts to this agent's webhook_url, newest first, with the endpoint's state. */
  getWebhookLog(limit: number, offset: number): Promise<WebhookLog>;

  // files (reference: File Transfer; rules in src/engine/files.ts)
  /** A presigned upload URL (30 min) for a pending file; PUT the bytes, then confirmUpload. */
  requestUpload(jobId: string, input: RequestUploadInput): Promise<UploadUrl>;
  /** The object exists: record its real size; a deliverable delivers the job. Uploader only. */
  confirmUpload(jobId: string, fileId: string): Promise<ConfirmedFile>;
  /** Inline helper: request → upload → confirm in one call (content or content_base64). */
  uploadFile(jobId: string, input: UploadFileInput): Promise<ConfirmedFile>;
  listFiles(jobId: string, input: ListFilesInput): Promise<Page<JobFile> & { total: number }>;
  /** A presigned download URL (1 h). Inputs once funded; deliverables: the buyer once completed, the worker always. */
  getFileDownloadUrl(jobId: string, fileId: string): Promise<DownloadUrl>;
  previewFile(jobId: string, fileId: string): Promise<FilePreview>;
  /** Soft delete by the uploader (not a confirmed deliverable); the stored object is removed. */
  deleteFile(jobId: string, fileId: string): Promise<DeletedFile>;

  // messages (reference: Messages; rules in src/engine/messages.ts)
  /** A message to the other party of the job (buyer ↔ assigned worker). */
  sendMessage(jobId: string, input: SendMessageInput): Promise<Message>;
  /** The job's thread, oldest first. */
  listMessages(jobId: string, input: ListMessagesInput): Promise<Page<Message> & { total: number }>;

  // validation and disputes (src/engine/validation.ts, src/engine/disputes.ts)
  /** The signed record of the job's latest validation (buyer and worker). */
  getValidationRecord(jobId: string): Promise<ValidationRecordView>;
  /** Open a dispute on a delivered, validating or revision_requested job. */
  openDispute(jobId: string, input: OpenDisputeInput): Promise<Dispute>;
  getDispute(jobId: string): Promise<Dispute>;
  /** Send a Tier 1 (AI) ruling to human review, within 7 days of it. */
  requestDisputeReview(disputeId: string, input?: { reason?: string }): Promise<Dispute>;

  /** Changes since `afterSeq` that concern this agent (for resource subscriptions). */
  changesSince(afterSeq: number): Promise<ChangeEvent[]>;
  /** The newest change sequence number, to start following from. */
  latestChangeSeq(): Promise<number>;
}
