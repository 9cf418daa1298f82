import Taro from '@tarojs/taro'
import type { HttpRequest, HttpResponse } from './transport-types'

// The mini-program (and jest) send through wx.request; H5 builds take transport.h5.ts instead.
export async function send({ url, method, header, data, timeoutMs }: HttpRequest): Promise<HttpResponse> {
  const response = await Taro.request({
    url,
    method: method as keyof Taro.request.Method,
    data: data as never,
    header,
    timeout: timeoutMs,
    dataType: 'json',
  })
  return { statusCode: response.statusCode, data: response.data }
}
