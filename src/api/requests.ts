import type { CreateServiceRequestBody, MyRequestList, RatingBody, ServiceRequest } from '@/types/service'
import { apiRequest } from './client'

/**
 * Sends a new request. The same `idempotencyKey` must be reused on every retry of one submission:
 * the server then answers with the request it already created instead of creating a second one.
 */
export function createServiceRequest(body: CreateServiceRequestBody, idempotencyKey: string): Promise<ServiceRequest> {
  return apiRequest<ServiceRequest>('/api/requests', {
    method: 'POST',
    body,
    headers: { 'Idempotency-Key': idempotencyKey },
    timeoutMs: 15000,
  })
}

export function listMyRequests() {
  return apiRequest<MyRequestList>('/api/requests/mine')
}

export function getServiceRequest(id: string): Promise<ServiceRequest> {
  return apiRequest<ServiceRequest>(`/api/requests/${encodeURIComponent(id)}`)
}

export function sendFollowUp(id: string, body: string): Promise<ServiceRequest> {
  return apiRequest<ServiceRequest>(`/api/requests/${encodeURIComponent(id)}/messages`, { method: 'POST', body: { body } })
}

export function rateServiceRequest(id: string, rating: RatingBody): Promise<ServiceRequest> {
  return apiRequest<ServiceRequest>(`/api/requests/${encodeURIComponent(id)}/rating`, { method: 'POST', body: rating })
}

export function withdrawServiceRequest(id: string): Promise<ServiceRequest> {
  return apiRequest<ServiceRequest>(`/api/requests/${encodeURIComponent(id)}/withdraw`, { method: 'POST', body: {} })
}
