import type { ReactNode } from 'react'
import 'react-api-keys/styles.css'

export const metadata = { title: 'react-api-keys on Next.js' }

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  )
}
